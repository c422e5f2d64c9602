import { useState } from 'react';
import { PERIOD_PRESET_LABELS, PERIOD_PRESETS, presetPeriod, type PeriodPreset } from '../../../../shared/scope';
import { periodProblem, presetDay, presetOf, samePeriod, type Period } from '../../scope/scopeEdits';

const CUSTOM = 'custom';
type PeriodChoice = PeriodPreset | typeof CUSTOM;

const CHOICES: { value: PeriodChoice; label: string }[] = [
  ...PERIOD_PRESETS.map((preset) => ({ value: preset, label: PERIOD_PRESET_LABELS[preset] })),
  { value: CUSTOM, label: 'Custom range' },
];

const asDraft = (period: Period) => ({ from: period.from ?? '', to: period.to ?? '' });

/**
 * The report's period: a preset, counted back from the latest date in the project's data (a consultant's export is
 * historical: its "last quarter" is the data's, not the calendar's), or a custom range of two dates.
 */
export function PeriodPicker({
  period,
  latest,
  onChange,
}: {
  period: Period;
  /** The latest date in the data (YYYY-MM-DD), null before the choices are read or when there is none. */
  latest: string | null;
  onChange: (period: Period) => void;
}) {
  const day = presetDay(latest, new Date());
  // The preset picked last, so two presets with the same dates (this month and this quarter, in a quarter's first
  // month) show the one the user chose; "Custom range" stays chosen until a preset is picked.
  const [picked, setPicked] = useState<PeriodChoice | null>(null);
  const [draft, setDraft] = useState(() => asDraft(period));
  const [seen, setSeen] = useState(period);
  if (!samePeriod(seen, period)) {
    // The period changed elsewhere (a chip removed, a scenario loaded, the scope cleared): the dates follow.
    setSeen(period);
    setDraft(asDraft(period));
  }

  const pickedMatches =
    picked === CUSTOM || (picked !== null && samePeriod(presetPeriod(picked, day), period)) ? picked : null;
  const shown: PeriodChoice = pickedMatches ?? presetOf(period, day) ?? CUSTOM;
  const typed = { from: draft.from || undefined, to: draft.to || undefined };
  const problem = periodProblem(typed);

  function choose(value: string) {
    const choice = CHOICES.find((item) => item.value === value)?.value;
    if (choice === undefined) return;
    setPicked(choice);
    if (choice !== CUSTOM) onChange(presetPeriod(choice, day));
  }

  function type(end: 'from' | 'to', value: string) {
    const next = { ...draft, [end]: value };
    setDraft(next);
    const candidate = { from: next.from || undefined, to: next.to || undefined };
    // A range the engine would refuse stays in the inputs, said wrong, until it is right.
    if (periodProblem(candidate) === null) onChange(candidate);
  }

  return (
    <div className="scope-period">
      <label>
        Period
        <select value={shown} onChange={(event) => choose(event.target.value)}>
          {CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      {shown === CUSTOM && (
        <>
          <label>
            From
            <input type="date" value={draft.from} onChange={(event) => type('from', event.target.value)} />
          </label>
          <label>
            To
            <input type="date" value={draft.to} onChange={(event) => type('to', event.target.value)} />
          </label>
        </>
      )}
      {latest !== null && (
        <span className="muted small" title="The presets count back from the latest date in the project's data">
          as of {latest}
        </span>
      )}
      {shown === CUSTOM && problem && (
        <p className="inline-error small" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
