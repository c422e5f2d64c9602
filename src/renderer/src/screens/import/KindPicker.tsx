import { DATA_KINDS } from '../../../../shared/kinds';
import { KIND_LABELS } from '../../kindLabels';
import { useImportStore } from '../../stores/import';

/** The file's kind: the best suggestion first, each with how well the headers fit it; changing it re-inspects. */
export function KindPicker() {
  const inspection = useImportStore((state) => state.inspection);
  const inspecting = useImportStore((state) => state.inspecting);
  const inspect = useImportStore((state) => state.inspect);
  if (!inspection) return null;

  const suggested = inspection.suggestions.filter((suggestion) => suggestion.score > 0);
  const others = DATA_KINDS.filter((kind) => !suggested.some((suggestion) => suggestion.kind === kind));

  function choose(value: string) {
    const kind = DATA_KINDS.find((candidate) => candidate === value);
    if (kind) void inspect(kind);
  }

  return (
    <div className="kind-picker">
      <label>
        Kind
        <select value={inspection.kind} onChange={(event) => choose(event.target.value)} disabled={inspecting}>
          {suggested.length > 0 && (
            <optgroup label="Suggested">
              {suggested.map(({ kind, score }) => (
                <option key={kind} value={kind}>
                  {KIND_LABELS[kind]} — {Math.round(score * 100)}% match
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label={suggested.length > 0 ? 'Other kinds' : 'Kinds'}>
            {others.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      {inspection.savedMappingName && (
        <p className="saved-mapping" role="status">
          Using saved mapping {inspection.savedMappingName}
        </p>
      )}
      {inspection.notes.length > 0 && (
        <ul className="notes" aria-label="Notes on this file">
          {inspection.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
