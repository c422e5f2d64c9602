import { z } from 'zod';

/**
 * Channel groups (spec 10): an ordered list of rules, each one or more conditions (AND-ed) and the group it
 * assigns. A touch's reported channel is the group of the first rule it matches, else its own channel; the reported
 * channel is what every model, view and export calls its channel.
 */

/** Fields a condition can test; any other name is a custom field of touchpoints (data.md). */
export const GROUP_FIELDS = ['channel', 'campaign', 'source', 'medium', 'touch_kind', 'action_type'] as const;
export const GROUP_OPERATORS = ['equals', 'contains', 'starts_with', 'ends_with'] as const;
export type GroupOperator = (typeof GROUP_OPERATORS)[number];

export const groupConditionSchema = z.strictObject({
  field: z.string().trim().min(1, 'a condition names a field').max(200),
  operator: z.enum(GROUP_OPERATORS),
  value: z.string().trim().min(1, 'a condition needs a value to compare with').max(1000),
});
export type GroupCondition = z.output<typeof groupConditionSchema>;

export const groupRuleSchema = z.strictObject({
  group: z.string().trim().min(1, 'a rule names the group it assigns').max(100),
  conditions: z.array(groupConditionSchema).min(1, 'a rule needs at least one condition').max(20),
});
export type GroupRule = z.output<typeof groupRuleSchema>;

export const groupRulesSchema = z.array(groupRuleSchema).max(500, 'at most 500 rules');

/** Case-insensitive, as spec 10 says; a missing value (no campaign) matches nothing. */
export function conditionMatches(operator: GroupOperator, value: string, wanted: string): boolean {
  const text = value.toLowerCase();
  const target = wanted.toLowerCase();
  switch (operator) {
    case 'equals':
      return text === target;
    case 'contains':
      return text.includes(target);
    case 'starts_with':
      return text.startsWith(target);
    case 'ends_with':
      return text.endsWith(target);
  }
}

const when = (field: string, operator: GroupOperator, value: string): GroupCondition => ({ field, operator, value });
const rule = (group: string, ...conditions: GroupCondition[]): GroupRule => ({ group, conditions });

/**
 * The editable preset of spec 10 for web-analytics sources and mediums, applied only when the user asks. Ordered as
 * analytics tools order their default channel groups: the specific mediums first, then sources, then direct.
 */
export const CHANNEL_GROUP_PRESET: GroupRule[] = [
  rule('Community', when('touch_kind', 'equals', 'community')),
  rule('Paid search', when('medium', 'equals', 'cpc')),
  rule('Paid search', when('medium', 'equals', 'ppc')),
  rule('Paid search', when('medium', 'equals', 'paid_search')),
  rule('Paid social', when('medium', 'equals', 'paid_social')),
  rule('Paid social', when('medium', 'equals', 'paidsocial')),
  rule('Display', when('medium', 'equals', 'display')),
  rule('Display', when('medium', 'equals', 'banner')),
  rule('Display', when('medium', 'equals', 'cpm')),
  rule('Email', when('medium', 'equals', 'email')),
  rule('Email', when('medium', 'equals', 'e-mail')),
  rule('Events', when('medium', 'equals', 'event')),
  rule('Events', when('medium', 'equals', 'webinar')),
  rule('Organic search', when('medium', 'equals', 'organic')),
  rule('Organic social', when('medium', 'equals', 'social')),
  rule('Organic social', when('source', 'equals', 'linkedin')),
  rule('Organic social', when('source', 'equals', 'twitter')),
  rule('Organic social', when('source', 'equals', 'facebook')),
  rule('Referral', when('medium', 'equals', 'referral')),
  rule('Direct', when('source', 'equals', '(direct)')),
  rule('Direct', when('medium', 'equals', '(none)')),
];

/**
 * What is wrong with rules a user wrote, in words that say where (`rule 3, condition 2: ...`): a field that is
 * neither a touch field nor one of `touchpointFields` (the project's custom fields of touchpoints). Empty when none.
 */
export function ruleFieldProblems(rules: readonly GroupRule[], touchpointFields: readonly string[]): string[] {
  const known = [...GROUP_FIELDS, ...touchpointFields];
  return rules.flatMap((rule, r) =>
    rule.conditions.flatMap((condition, c) =>
      known.includes(condition.field)
        ? []
        : [
            `rule ${r + 1} (${rule.group}), condition ${c + 1}: no field ${JSON.stringify(condition.field)}` +
              ` (fields: ${known.join(', ')})`,
          ],
    ),
  );
}

/** Rules as read from a file or sent by the app, or the first problem, said with where it is. */
export function parseGroupRules(input: unknown): { rules: GroupRule[] } | { problem: string } {
  const list =
    typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as { rules?: unknown }).rules : input;
  const parsed = groupRulesSchema.safeParse(list);
  if (parsed.success) return { rules: parsed.data };
  const issue = parsed.error.issues[0];
  const [rule, key, condition, field] = issue?.path ?? [];
  const where =
    typeof rule === 'number'
      ? `rule ${rule + 1}${key === 'conditions' && typeof condition === 'number' ? `, condition ${condition + 1}` : ''}${field !== undefined ? ` (${String(field)})` : key !== undefined && key !== 'conditions' ? ` (${String(key)})` : ''}: `
      : '';
  return { problem: `${where}${issue?.message ?? 'not a list of rules'}` };
}
