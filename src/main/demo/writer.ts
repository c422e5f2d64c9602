import type Database from 'better-sqlite3';
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
 * Inserts demo rows through statements prepared once, numbering each kind as it goes ("ACC-000001"); the counts
 * double as the generator's result.
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
  private readonly insertAccount: Database.Statement;
  private readonly insertContact: Database.Statement;
  private readonly insertOpportunity: Database.Statement;
  private readonly insertTouchpoint: Database.Statement;
  private readonly insertMember: Database.Statement;
  private readonly insertAction: Database.Statement;
  private readonly insertFeature: Database.Statement;
  private readonly insertOpportunityFeature: Database.Statement;

  constructor(db: Database.Database) {
    this.insertAccount = db.prepare(
      'INSERT INTO accounts (account_id, name, domain, segment, employees) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertContact = db.prepare(
      `INSERT INTO contacts (contact_id, account_id, email, first_name, last_name, title, lead_created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertOpportunity = db.prepare(
      `INSERT INTO opportunities (opportunity_id, account_id, name, type, type_raw, stage, stage_raw, amount,
         created_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertTouchpoint = db.prepare(
      `INSERT INTO touchpoints (touchpoint_id, contact_id, account_id, occurred_at, channel, campaign, source, medium)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertMember = db.prepare(
      `INSERT INTO community_members (member_id, email, name, platform, company_domain, joined_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.insertAction = db.prepare(
      `INSERT INTO community_actions (action_id, member_id, occurred_at, action_type, action_type_raw, channel,
         target_email, target_domain, feature_id, opportunity_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertFeature = db.prepare('INSERT INTO features (feature_id, name, shipped_at) VALUES (?, ?, ?)');
    this.insertOpportunityFeature = db.prepare(
      'INSERT INTO opportunity_features (opportunity_id, feature_id) VALUES (?, ?)',
    );
  }

  account(name: string, domain: string, segment: Segment, employees: number): string {
    const accountId = id('ACC', ++this.stats.accounts, 6);
    this.insertAccount.run(accountId, name, domain, segment, employees);
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
    this.insertContact.run(contactId, accountId, email, firstName, lastName, title, leadCreatedAt);
    return contactId;
  }

  opportunity(accountId: string, name: string, plan: OpportunityPlan): string {
    const opportunityId = id('OPP', ++this.stats.opportunities, 6);
    this.insertOpportunity.run(
      opportunityId,
      accountId,
      name,
      plan.type,
      plan.typeRaw,
      plan.stage,
      plan.stageRaw,
      plan.amount,
      plan.createdAt,
      plan.closedAt,
    );
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
    this.insertTouchpoint.run(touchpointId, contactId, accountId, occurredAt, channel, campaign, source, medium);
  }

  member(email: string | null, name: string, platform: string, companyDomain: string | null, joinedAt: number): string {
    const memberId = id('MEM', ++this.stats.communityMembers, 6);
    this.insertMember.run(memberId, email, name, platform, companyDomain, joinedAt);
    return memberId;
  }

  action(fields: ActionFields): void {
    const actionId = id('ACT', ++this.stats.communityActions, 7);
    this.insertAction.run(
      actionId,
      fields.memberId,
      fields.occurredAt,
      fields.actionType,
      fields.actionTypeRaw ?? null,
      fields.channel ?? null,
      fields.targetEmail ?? null,
      fields.targetDomain ?? null,
      fields.featureId ?? null,
      fields.opportunityId ?? null,
    );
  }

  feature(name: string, shippedAt: number | null): string {
    const featureId = id('FEAT', ++this.stats.features, 6);
    this.insertFeature.run(featureId, name, shippedAt);
    return featureId;
  }

  opportunityFeature(opportunityId: string, featureId: string): void {
    this.stats.opportunityFeatures++;
    this.insertOpportunityFeature.run(opportunityId, featureId);
  }
}
