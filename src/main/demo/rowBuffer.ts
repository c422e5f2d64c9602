import type { DemoBatch, DemoTable } from '../store/demoRows';
import type { StoredValue } from '../store/importWriter';

/** Rows a batch holds before it is handed on: a few MiB, so memory stays flat at any scale. */
const BATCH_ROWS = 16_384;

/**
 * Collects the demo's rows, by table in the columns' order of store/demoRows.ts, and hands them on in batches:
 * to the writer in this thread, or posted to it from a worker (demo/inWorker.ts).
 */
export class DemoRowBuffer {
  private batch: DemoBatch = {};
  private rows = 0;

  constructor(private readonly onBatch: (batch: DemoBatch) => void) {}

  account(row: {
    accountId: string;
    name: string;
    domain: string;
    segment: string;
    employees: number;
    custom: Record<string, string>;
  }): void {
    this.add('accounts', row.accountId, row.name, row.domain, row.segment, row.employees, JSON.stringify(row.custom));
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
    this.add(
      'contacts',
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
    this.add(
      'opportunities',
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
    this.add(
      'touchpoints',
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
    this.add('community_members', row.memberId, row.email, row.name, row.platform, row.companyDomain, row.joinedAt);
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
    this.add(
      'community_actions',
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
    this.add('features', row.featureId, row.name, row.shippedAt);
  }

  opportunityFeature(opportunityId: string, featureId: string): void {
    this.add('opportunity_features', opportunityId, featureId);
  }

  /** Hands on what is left. */
  flush(): void {
    if (this.rows === 0) return;
    const batch = this.batch;
    this.batch = {};
    this.rows = 0;
    this.onBatch(batch);
  }

  private add(table: DemoTable, ...values: StoredValue[]): void {
    const rows = (this.batch[table] ??= []);
    for (const value of values) rows.push(value);
    if (++this.rows >= BATCH_ROWS) this.flush();
  }
}
