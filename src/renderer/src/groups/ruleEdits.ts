import type { GroupCondition, GroupRule } from '../../../shared/channelGroups';

/** The condition a new rule or an added condition starts with: the field users group by most, value to be typed. */
export const NEW_CONDITION: GroupCondition = { field: 'channel', operator: 'equals', value: '' };

/** The rules with the one at `index` swapped with its neighbour `by` places away; unchanged at either end. */
export function moveRule(rules: readonly GroupRule[], index: number, by: -1 | 1): GroupRule[] {
  const target = index + by;
  if (index < 0 || index >= rules.length || target < 0 || target >= rules.length) return [...rules];
  const moved = [...rules];
  [moved[index], moved[target]] = [moved[target] as GroupRule, moved[index] as GroupRule];
  return moved;
}

export function addRule(rules: readonly GroupRule[]): GroupRule[] {
  return [...rules, { group: '', conditions: [{ ...NEW_CONDITION }] }];
}

export function removeRule(rules: readonly GroupRule[], index: number): GroupRule[] {
  return rules.filter((_, at) => at !== index);
}

export function renameRule(rules: readonly GroupRule[], index: number, group: string): GroupRule[] {
  return rules.map((rule, at) => (at === index ? { ...rule, group } : rule));
}

export function addCondition(rules: readonly GroupRule[], index: number): GroupRule[] {
  return rules.map((rule, at) =>
    at === index ? { ...rule, conditions: [...rule.conditions, { ...NEW_CONDITION }] } : rule,
  );
}

/** Removes a condition; a rule keeps its last one (a rule with none would match nothing the user can see). */
export function removeCondition(rules: readonly GroupRule[], index: number, condition: number): GroupRule[] {
  return rules.map((rule, at) =>
    at === index && rule.conditions.length > 1
      ? { ...rule, conditions: rule.conditions.filter((_, c) => c !== condition) }
      : rule,
  );
}

export function editCondition(
  rules: readonly GroupRule[],
  index: number,
  condition: number,
  change: Partial<GroupCondition>,
): GroupRule[] {
  return rules.map((rule, at) =>
    at === index
      ? { ...rule, conditions: rule.conditions.map((each, c) => (c === condition ? { ...each, ...change } : each)) }
      : rule,
  );
}

/** Whether two lists of rules say the same, so the editor knows when there is something to save. */
export function sameRules(a: readonly GroupRule[], b: readonly GroupRule[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
