import { COMMUNITY, MARKETING, NO_ACTION, type Touches } from './dataset';
import { int32At } from './read';

/**
 * Touches in the order they were read (touchpoints, then community actions), one column per field. Columns of
 * numbers rather than an object per touch: a million small objects, and sorting them, was most of the load's time
 * and garbage.
 */
export class TouchColumns {
  readonly kind: number[] = [];
  readonly id: string[] = [];
  readonly account: number[] = [];
  readonly occurredAt: number[] = [];
  readonly channel: number[] = [];
  readonly campaign: number[] = [];
  readonly actionType: number[] = [];
  readonly member: number[] = [];

  get count(): number {
    return this.id.length;
  }

  addMarketing(id: string, account: number, occurredAt: number, channel: number, campaign: number): void {
    this.add(MARKETING, id, account, occurredAt, channel, campaign, NO_ACTION, -1);
  }

  addCommunity(id: string, account: number, occurredAt: number, channel: number, actionType: number, member: number) {
    this.add(COMMUNITY, id, account, occurredAt, channel, -1, actionType, member);
  }

  private add(
    kind: number,
    id: string,
    account: number,
    occurredAt: number,
    channel: number,
    campaign: number,
    actionType: number,
    member: number,
  ): void {
    this.kind.push(kind);
    this.id.push(id);
    this.account.push(account);
    this.occurredAt.push(occurredAt);
    this.channel.push(channel);
    this.campaign.push(campaign);
    this.actionType.push(actionType);
    this.member.push(member);
  }
}

/**
 * spec 1: touches ordered by account, then `(occurred_at, touch_kind, touch_id)`, strings by code unit. Channel ids
 * are renumbered on the way (`channelRemap`, old id → new).
 */
export function toTouches(columns: TouchColumns, accountCount: number, channelRemap: Int32Array): Touches {
  const { order, accountStart } = touchOrder(columns, accountCount);
  const n = order.length;
  const touches: Touches = {
    count: n,
    kind: new Uint8Array(n),
    id: new Array<string>(n),
    account: new Int32Array(n),
    occurredAt: new Float64Array(n),
    channel: new Int32Array(n),
    campaign: new Int32Array(n),
    actionType: new Int8Array(n),
    member: new Int32Array(n),
    accountStart,
  };
  for (let i = 0; i < n; i++) {
    const from = int32At(order, i);
    touches.kind[i] = columns.kind[from] as number;
    touches.id[i] = columns.id[from] as string;
    touches.account[i] = columns.account[from] as number;
    touches.occurredAt[i] = columns.occurredAt[from] as number;
    touches.channel[i] = int32At(channelRemap, columns.channel[from] as number);
    touches.campaign[i] = columns.campaign[from] as number;
    touches.actionType[i] = columns.actionType[from] as number;
    touches.member[i] = columns.member[from] as number;
  }
  return touches;
}

/**
 * The permutation that puts the read touches in spec 1's order. A counting sort by account first (linear, and it
 * yields each account's range on the way), then each account's few touches sorted by time, kind and id.
 */
function touchOrder(columns: TouchColumns, accountCount: number): { order: Int32Array; accountStart: Int32Array } {
  const { account, occurredAt, kind, id } = columns;
  const n = columns.count;
  const accountStart = new Int32Array(accountCount + 1);
  for (let i = 0; i < n; i++) {
    const slot = (account[i] as number) + 1;
    accountStart[slot] = int32At(accountStart, slot) + 1;
  }
  for (let a = 0; a < accountCount; a++) accountStart[a + 1] = int32At(accountStart, a + 1) + int32At(accountStart, a);
  const next = accountStart.slice(0, accountCount);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = account[i] as number;
    const at = int32At(next, a);
    order[at] = i;
    next[a] = at + 1;
  }

  const byTimeKindId = (x: number, y: number): number => {
    const a = id[x] as string;
    const b = id[y] as string;
    return (
      (occurredAt[x] as number) - (occurredAt[y] as number) ||
      (kind[x] as number) - (kind[y] as number) ||
      (a < b ? -1 : a > b ? 1 : 0)
    );
  };
  for (let a = 0; a < accountCount; a++) {
    const start = int32At(accountStart, a);
    const end = int32At(accountStart, a + 1);
    if (end - start > 1) order.subarray(start, end).sort(byTimeKindId);
  }
  return { order, accountStart };
}
