import type { GroupRule } from '../../../../shared/channelGroups';
import { addCondition, editCondition, moveRule, removeCondition, removeRule, renameRule } from '../../groups/ruleEdits';
import { useGroupsStore } from '../../stores/groups';
import { ConditionRow } from './ConditionRow';

interface RuleCardProps {
  rule: GroupRule;
  index: number;
  count: number;
  customFields: readonly string[];
}

/** One rule of the ordered list: the group it assigns when all its conditions hold, and where it stands. */
export function RuleCard({ rule, index, count, customFields }: RuleCardProps) {
  const edit = useGroupsStore((state) => state.edit);
  const name = `rule ${index + 1}`;
  return (
    <li className="group-rule" aria-label={`Rule ${index + 1}${rule.group ? `: ${rule.group}` : ''}`}>
      <div className="group-rule-head">
        <label>
          Group
          <input
            aria-label={`Group of ${name}`}
            value={rule.group}
            placeholder="reported channel"
            onChange={(event) => edit((rules) => renameRule(rules, index, event.target.value))}
          />
        </label>
        <div className="group-rule-moves">
          <button
            type="button"
            aria-label={`Move ${name} up`}
            disabled={index === 0}
            onClick={() => edit((rules) => moveRule(rules, index, -1))}
          >
            ↑
          </button>
          <button
            type="button"
            aria-label={`Move ${name} down`}
            disabled={index === count - 1}
            onClick={() => edit((rules) => moveRule(rules, index, 1))}
          >
            ↓
          </button>
          <button type="button" aria-label={`Remove ${name}`} onClick={() => edit((rules) => removeRule(rules, index))}>
            Remove
          </button>
        </div>
      </div>
      <p className="muted small">when all of these hold:</p>
      <ol className="group-conditions" aria-label={`Conditions of ${name}`}>
        {rule.conditions.map((condition, at) => (
          <ConditionRow
            key={at}
            condition={condition}
            place={`${name} condition ${at + 1}`}
            customFields={customFields}
            onChange={(change) => edit((rules) => editCondition(rules, index, at, change))}
            onRemove={rule.conditions.length > 1 ? () => edit((rules) => removeCondition(rules, index, at)) : undefined}
          />
        ))}
      </ol>
      <button type="button" className="link" onClick={() => edit((rules) => addCondition(rules, index))}>
        Add a condition to {name}
      </button>
    </li>
  );
}
