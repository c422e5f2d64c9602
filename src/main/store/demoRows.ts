import type Database from 'better-sqlite3';
import type { DataKind } from '../../shared/kinds';

/**
 * The demo generator's inserts (demo/writer.ts numbers the rows and counts them): whole rows of the data tables,
 * through statements prepared once. Run them inside the generator's transaction.
 */
export class DemoRows {
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
      'INSERT INTO accounts (account_id, name, domain, segment, employees, custom) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertContact = db.prepare(
      `INSERT INTO contacts (contact_id, account_id, email, first_name, last_name, title, lead_created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertOpportunity = db.prepare(
      `INSERT INTO opportunities (opportunity_id, account_id, name, type, type_raw, stage, stage_raw, amount,
         created_at, closed_at, custom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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

  account(row: {
    accountId: string;
    name: string;
    domain: string;
    segment: string;
    employees: number;
    custom: Record<string, string>;
  }): void {
    this.insertAccount.run(row.accountId, row.name, row.domain, row.segment, row.employees, JSON.stringify(row.custom));
  }

  contact(row: {
    contactId: string;
    accountId: string;
    email: string;
    firstName: string;
    lastName: string;
    title: string;
    leadCreatedAt: number | null;
  }): void {
    this.insertContact.run(
      row.contactId,
      row.accountId,
      row.email,
      row.firstName,
      row.lastName,
      row.title,
      row.leadCreatedAt,
    );
  }

  opportunity(row: {
    opportunityId: string;
    accountId: string;
    name: string;
    type: string;
    typeRaw: string;
    stage: string;
    stageRaw: string;
    amount: number;
    createdAt: number;
    closedAt: number | null;
    custom: Record<string, string>;
  }): void {
    this.insertOpportunity.run(
      row.opportunityId,
      row.accountId,
      row.name,
      row.type,
      row.typeRaw,
      row.stage,
      row.stageRaw,
      row.amount,
      row.createdAt,
      row.closedAt,
      JSON.stringify(row.custom),
    );
  }

  touchpoint(row: {
    touchpointId: string;
    contactId: string | null;
    accountId: string | null;
    occurredAt: number;
    channel: string;
    campaign: string | null;
    source: string | null;
    medium: string | null;
  }): void {
    this.insertTouchpoint.run(
      row.touchpointId,
      row.contactId,
      row.accountId,
      row.occurredAt,
      row.channel,
      row.campaign,
      row.source,
      row.medium,
    );
  }

  member(row: {
    memberId: string;
    email: string | null;
    name: string;
    platform: string;
    companyDomain: string | null;
    joinedAt: number;
  }): void {
    this.insertMember.run(row.memberId, row.email, row.name, row.platform, row.companyDomain, row.joinedAt);
  }

  action(row: {
    actionId: string;
    memberId: string;
    occurredAt: number;
    actionType: string;
    actionTypeRaw: string | null;
    channel: string | null;
    targetEmail: string | null;
    targetDomain: string | null;
    featureId: string | null;
    opportunityId: string | null;
  }): void {
    this.insertAction.run(
      row.actionId,
      row.memberId,
      row.occurredAt,
      row.actionType,
      row.actionTypeRaw,
      row.channel,
      row.targetEmail,
      row.targetDomain,
      row.featureId,
      row.opportunityId,
    );
  }

  feature(row: { featureId: string; name: string; shippedAt: number | null }): void {
    this.insertFeature.run(row.featureId, row.name, row.shippedAt);
  }

  opportunityFeature(opportunityId: string, featureId: string): void {
    this.insertOpportunityFeature.run(opportunityId, featureId);
  }
}

/** The first of `tables`, in their order, that holds a row; null when none does. */
export function firstTableWithRows(db: Database.Database, tables: readonly DataKind[]): DataKind | null {
  for (const table of tables) {
    if (db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined) return table;
  }
  return null;
}
