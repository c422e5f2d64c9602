import { ACTION_TYPES } from '../../../shared/importSpec';
import type { EngineTables } from '../../store/engineTables';

/**
 * Every community action in the order SQLite stores them, one column per field, each resolved to its member's
 * account at its time. Read once: the Dataset's community touches and the community data (spec 7) both come from
 * it.
 */
export interface ActionRows {
  count: number;
  id: string[];
  member: string[];
  occurredAt: number[];
  /** Index into ACTION_TYPES. */
  actionType: number[];
  channel: (string | null)[];
  targetEmail: (string | null)[];
  targetDomain: (string | null)[];
  featureId: (string | null)[];
  opportunityId: (string | null)[];
  /** The member's account at the action's time, -1 when none. */
  account: number[];
}

const ACTION_TYPE_INDEX = new Map<string, number>(ACTION_TYPES.map((type, index) => [type, index]));

export function readActionRows(tables: EngineTables, accountAt: (member: string, at: number) => number): ActionRows {
  const rows: ActionRows = {
    count: 0,
    id: [],
    member: [],
    occurredAt: [],
    actionType: [],
    channel: [],
    targetEmail: [],
    targetDomain: [],
    featureId: [],
    opportunityId: [],
    account: [],
  };
  for (const block of tables.communityActionBlocks()) {
    for (const [id, member, occurredAt, actionType, channel, email, domain, featureId, opportunityId] of block) {
      rows.id.push(id);
      rows.member.push(member);
      rows.occurredAt.push(occurredAt);
      rows.actionType.push(ACTION_TYPE_INDEX.get(actionType) ?? -1);
      rows.channel.push(channel);
      rows.targetEmail.push(email);
      rows.targetDomain.push(domain);
      rows.featureId.push(featureId);
      rows.opportunityId.push(opportunityId);
      rows.account.push(accountAt(member, occurredAt));
    }
  }
  rows.count = rows.id.length;
  return rows;
}
