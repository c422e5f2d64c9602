import type { ReportScope } from '../../../../shared/scope';
import { scopeChips } from '../../scope/scopeWords';

/** The scope's period and filters as chips, each removable, and a button that clears them all. */
export function ScopeChips({ scope, onChange }: { scope: ReportScope; onChange: (scope: ReportScope) => void }) {
  const chips = scopeChips(scope);
  if (chips.length === 0) return <p className="muted small scope-active">Every opportunity, all time.</p>;
  return (
    <div className="scope-active">
      <ul className="chips scope-chips" aria-label="Active filters">
        {chips.map((chip) => (
          <li key={chip.key}>
            <span>{chip.label}</span>
            <button
              type="button"
              className="link"
              aria-label={`Remove ${chip.label}`}
              title="Remove"
              onClick={() => onChange(chip.without)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={() => onChange({})}>
        Clear
      </button>
    </div>
  );
}
