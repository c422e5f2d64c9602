import type { DemoRows } from '../store/demoRows';
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

  constructor(private readonly rows: DemoRows) {}

  account(name: string, domain: string, segment: Segment, employees: number): string {
    const accountId = id('ACC', ++this.stats.accounts, 6);
    this.rows.account({ accountId, name, domain, segment, employees });
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
