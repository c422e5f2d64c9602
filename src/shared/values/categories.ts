import { ACTION_TYPES, OPPORTUNITY_TYPES, STAGES } from '../importSpec';
import type { ActionType, OpportunityType, Stage } from '../importSpec';
import { fail, ok, quote } from './parsed';
import type { Parsed } from './parsed';

/** `Closed Won`, `closed_won`, `Closed/Won`, `closedwon` all compare as `closedwon`. */
function compact(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s_\-\u2010-\u2015/.&]+/g, '');
}

/**
 * A mapping's value map: keys compared trimmed and case-insensitively (importSpec ImportMapping). A target outside
 * the allowed list (a hand-edited mapping file) is ignored, so the defaults apply.
 */
function lookUpOverride<T extends string>(
  raw: string,
  overrides: Record<string, T> | undefined,
  allowed: readonly T[],
): T | undefined {
  if (overrides === undefined) return undefined;
  const key = raw.trim().toLowerCase();
  for (const [from, to] of Object.entries(overrides)) {
    if (from.trim().toLowerCase() === key && allowed.includes(to)) return to;
  }
  return undefined;
}

// Maps, not object literals: a cell reading `constructor` must not find Object.prototype's.
const STAGE_WORDS = new Map<string, Stage>([
  ['won', 'won'],
  ['closedwon', 'won'], // Salesforce `Closed Won`, HubSpot `closedwon`
  ['lost', 'lost'],
  ['closedlost', 'lost'],
  ['open', 'open'],
]);

/** data.md: "Closed Won" → won, "Closed Lost" → lost, anything else → open, unless the mapping says otherwise. */
export function mapStage(raw: string, overrides?: Record<string, Stage>): Parsed<Stage> {
  if (raw.trim() === '') return fail('the stage is blank');
  const override = lookUpOverride(raw, overrides, STAGES);
  if (override !== undefined) return ok(override);
  const key = compact(raw);
  const known = STAGE_WORDS.get(key);
  if (known !== undefined) return ok(known);
  // Still open by data.md's rule, but a stage that says it is closed probably needs mapping: a won deal read as
  // open is revenue that silently gets no credit.
  if (/closed|won|lost/.test(key)) {
    return ok('open', `stage ${quote(raw.trim())} was read as open; map it to won or lost if it is a closed deal`);
  }
  return ok('open');
}

const TYPE_WORDS = new Map<string, OpportunityType>([
  ['newbusiness', 'new_business'], // HubSpot `newbusiness`
  ['newcustomer', 'new_business'], // Salesforce `New Customer`
  ['newlogo', 'new_business'],
  ['new', 'new_business'],
  ['upgrade', 'upgrade'],
  ['existingbusiness', 'upgrade'], // HubSpot `existingbusiness`
  ['existingcustomer', 'upgrade'],
  ['expansion', 'upgrade'],
  ['crosssell', 'upgrade'],
  ['addon', 'upgrade'],
  ['upsell', 'upgrade'],
  ['renewal', 'renewal'],
  ['renew', 'renewal'],
]);

// Salesforce's `Existing Customer - Upgrade` / `- Renewal`: the part after the prefix says which.
const EXISTING_PREFIX = /^existing(?:customer|business)(.+)$/;

/**
 * data.md's type words, compared ignoring case, spaces, hyphens and underscores. Blank is new_business (data.md).
 * An unknown type also imports as new_business, with a warning naming it: data.md makes blank types and unknown
 * action types forgiving, so unknown opportunity types follow the same rule rather than rejecting the row.
 */
export function mapOpportunityType(raw: string, overrides?: Record<string, OpportunityType>): Parsed<OpportunityType> {
  const override = lookUpOverride(raw, overrides, OPPORTUNITY_TYPES);
  if (override !== undefined) return ok(override);
  const key = compact(raw);
  if (key === '') return ok('new_business');
  const known = TYPE_WORDS.get(key);
  if (known !== undefined) return ok(known);
  const existing = EXISTING_PREFIX.exec(key)?.[1];
  const afterPrefix = existing === undefined ? undefined : TYPE_WORDS.get(existing);
  if (afterPrefix === 'upgrade' || afterPrefix === 'renewal') return ok(afterPrefix);
  return ok(
    'new_business',
    `unknown opportunity type ${quote(raw.trim())} was imported as new_business; map it to new_business, ` +
      `upgrade or renewal`,
  );
}

const ACTION_WORDS = new Map<string, ActionType>(ACTION_TYPES.map((type) => [compact(type), type]));

/** data.md: the community action types; unknown values import as `other` with a warning. */
export function mapActionType(raw: string): Parsed<ActionType> {
  if (raw.trim() === '') return fail('the action type is blank');
  const known = ACTION_WORDS.get(compact(raw));
  if (known !== undefined) return ok(known);
  return ok('other', `unknown action type ${quote(raw.trim())} was imported as other`);
}
