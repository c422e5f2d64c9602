import { GROUP_FIELDS, GROUP_OPERATORS, type GroupCondition } from '../../../../shared/channelGroups';

const FIELD_LABELS: Record<(typeof GROUP_FIELDS)[number], string> = {
  channel: 'channel',
  campaign: 'campaign',
  source: 'source',
  medium: 'medium',
  touch_kind: 'touch kind',
  action_type: 'action type',
};

const OPERATOR_LABELS: Record<(typeof GROUP_OPERATORS)[number], string> = {
  equals: 'equals',
  contains: 'contains',
  starts_with: 'starts with',
  ends_with: 'ends with',
};

const labelOf = (field: string): string => (FIELD_LABELS as Record<string, string>)[field] ?? field;

interface ConditionRowProps {
  condition: GroupCondition;
  /** Where it is, as its controls are named: "rule 2 condition 1". */
  place: string;
  /** The custom fields of touchpoints, offered after the touch fields. */
  customFields: readonly string[];
  onChange(change: Partial<GroupCondition>): void;
  /** Absent for a rule's only condition. */
  onRemove?: () => void;
}

/** One condition of a rule: field, operator and value, compared ignoring case (spec 10). */
export function ConditionRow({ condition, place, customFields, onChange, onRemove }: ConditionRowProps) {
  const fields = [...GROUP_FIELDS, ...customFields];
  // A field the project no longer has stays shown, so the server can say what is wrong with it.
  if (!fields.includes(condition.field)) fields.push(condition.field);
  return (
    <li className="group-condition">
      <select
        aria-label={`Field of ${place}`}
        value={condition.field}
        onChange={(event) => onChange({ field: event.target.value })}
      >
        {fields.map((field) => (
          <option key={field} value={field}>
            {labelOf(field)}
          </option>
        ))}
      </select>
      <select
        aria-label={`Operator of ${place}`}
        value={condition.operator}
        onChange={(event) => onChange({ operator: event.target.value as GroupCondition['operator'] })}
      >
        {GROUP_OPERATORS.map((operator) => (
          <option key={operator} value={operator}>
            {OPERATOR_LABELS[operator]}
          </option>
        ))}
      </select>
      <input
        aria-label={`Value of ${place}`}
        value={condition.value}
        placeholder="value"
        onChange={(event) => onChange({ value: event.target.value })}
      />
      {onRemove && (
        <button type="button" className="link" aria-label={`Remove ${place}`} onClick={onRemove}>
          Remove
        </button>
      )}
    </li>
  );
}
