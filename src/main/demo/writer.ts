import type { DemoRowBuffer } from './rowBuffer';
import type { OpportunityPlan, Segment } from './plan';

export interface DemoStats {
  accounts: number;
  contacts: number;
  opportunities: number;
  touchpoints: number;
  communityMembers: number;
  communityActions: number;
  features: number;
  opportunityFeatures: number;
}

export interface ActionFields {
  memberId: string;
  occurredAt: number;
  actionType: string;
  actionTypeRaw?: string | null;
  channel?: string | null;
  targetEmail?: string | null;
  targetDomain?: string | null;
  featureId?: string | null;
  opportunityId?: string | null;
}

function id(prefix: string, n: number, width: number): string {
  return `${prefix}-${String(n).padStart(width, '0')}`;
}

/**
 * Writes demo rows (through store/demoRows.ts), numbering each kind as it goes ("ACC-000001"); the counts double as
 * the generator's result.
 */
/**
 * The demo's custom fields (data.md), so a report can be scoped by one out of the box: the account's sales region and
 * the deal's lead source, as a CRM export carries them. Drawn from a hash of the row's domain or id, not from the
 * seeded generator, so adding them left every other demo row as it was.
 */
export const DEMO_CUSTOM_FIELDS = { accounts: 'Region', opportunities: 'Lead Source' } as const;
const REGIONS: readonly [string, number][] = [
  ['North America', 4],
  ['EMEA', 3],
  ['APAC', 2],
  ['LATAM', 1],
];
const LEAD_SOURCES: readonly [string, number][] = [
  ['Inbound', 4],
  ['Outbound', 3],
  ['Partner', 2],
  ['Event', 1],
];

/** One of weighted choices, by an FNV-1a hash of `key`. */
function pickBy(key: string, choices: readonly [string, number][]): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let point = (hash >>> 0) % total;
  for (const [choice, weight] of choices) {
    if (point < weight) return choice;
    point -= weight;
  }
  return choices[0]?.[0] ?? '';
}

export class DemoWriter {
  readonly stats: DemoStats = {
    accounts: 0,
    contacts: 0,
    opportunities: 0,
    touchpoints: 0,
    communityMembers: 0,
    communityActions: 0,
    features: 0,
    opportunityFeatures: 0,
  };

  constructor(private readonly rows: DemoRowBuffer) {}

  account(name: string, domain: string, segment: Segment, employees: number): string {
    const accountId = id('ACC', ++this.stats.accounts, 6);
    const custom = { [DEMO_CUSTOM_FIELDS.accounts]: pickBy(domain, REGIONS) };
    this.rows.account({ accountId, name, domain, segment, employees, custom });
    return accountId;
  }

  contact(
    accountId: string,
    email: string,
    firstName: string,
    lastName: string,
    title: string,
    leadCreatedAt: number | null,
  ): string {
    const contactId = id('CON', ++this.stats.contacts, 6);
    this.rows.contact({ contactId, accountId, email, firstName, lastName, title, leadCreatedAt });
    return contactId;
  }

  opportunity(accountId: string, name: string, plan: OpportunityPlan): string {
    const opportunityId = id('OPP', ++this.stats.opportunities, 6);
    this.rows.opportunity({
      opportunityId,
      accountId,
      name,
      type: plan.type,
      typeRaw: plan.typeRaw,
      stage: plan.stage,
      stageRaw: plan.stageRaw,
      amount: plan.amount,
      createdAt: plan.createdAt,
      closedAt: plan.closedAt,
      custom: { [DEMO_CUSTOM_FIELDS.opportunities]: pickBy(opportunityId, LEAD_SOURCES) },
    });
    return opportunityId;
  }

  touchpoint(
    contactId: string | null,
    accountId: string | null,
    occurredAt: number,
    channel: string,
    campaign: string | null,
    source: string | null,
    medium: string | null,
  ): void {
    const touchpointId = id('TP', ++this.stats.touchpoints, 7);
    this.rows.touchpoint({ touchpointId, contactId, accountId, occurredAt, channel, campaign, source, medium });
  }

  member(email: string | null, name: string, platform: string, companyDomain: string | null, joinedAt: number): string {
    const memberId = id('MEM', ++this.stats.communityMembers, 6);
    this.rows.member({ memberId, email, name, platform, companyDomain, joinedAt });
    return memberId;
  }

  action(fields: ActionFields): void {
    const actionId = id('ACT', ++this.stats.communityActions, 7);
    this.rows.action({
      actionId,
      memberId: fields.memberId,
      occurredAt: fields.occurredAt,
      actionType: fields.actionType,
      actionTypeRaw: fields.actionTypeRaw ?? null,
      channel: fields.channel ?? null,
      targetEmail: fields.targetEmail ?? null,
      targetDomain: fields.targetDomain ?? null,
      featureId: fields.featureId ?? null,
      opportunityId: fields.opportunityId ?? null,
    });
  }

  feature(name: string, shippedAt: number | null): string {
    const featureId = id('FEAT', ++this.stats.features, 6);
    this.rows.feature({ featureId, name, shippedAt });
    return featureId;
  }

  opportunityFeature(opportunityId: string, featureId: string): void {
    this.stats.opportunityFeatures++;
    this.rows.opportunityFeature(opportunityId, featureId);
  }
}
