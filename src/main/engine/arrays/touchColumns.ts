import { COMMUNITY, MARKETING, NO_ACTION, type Touches } from './dataset';
import { float64Column, int32Column, int8Column, uint8Column } from './growable';
import { definePackedStrings, PackedStringsBuilder } from './packed';
import { float64At, int32At, uint8At } from './read';

/**
 * Touches in the order they were read (touchpoints, then community actions), one column per field. Typed columns
 * rather than an object per touch, or a `number[]` per field: a million small objects, and sorting them, was most of
 * the load's time and garbage, and at ten million touches eight `number[]` columns were most of its memory. The ids are
 * packed as they are read, and stay packed in the Touches until something reads them whole (engine/arrays/packed.ts).
 */
export class TouchColumns {
  readonly kind = uint8Column();
  readonly id = new PackedStringsBuilder();
  readonly account = int32Column();
  readonly occurredAt = float64Column();
  readonly channel = int32Column();
  readonly campaign = int32Column();
  readonly actionType = int8Column();
  readonly member = int32Column();

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

/** The column's values in `order`: `to[i] = from[order[i]]`. */
function permuted<A extends Uint8Array | Int8Array | Int32Array | Float64Array>(from: A, order: Int32Array, to: A): A {
  for (let i = 0; i < to.length; i++) to[i] = from[int32At(order, i)] as number;
  return to;
}

/**
 * spec 1: touches ordered by account, then `(occurred_at, touch_kind, touch_id)`, strings by code unit. Channel ids
 * are renumbered on the way (`channelRemap`, old id → new).
 */
export function toTouches(columns: TouchColumns, accountCount: number, channelRemap: Int32Array): Touches {
  const { order, accountStart } = touchOrder(columns, accountCount);
  const n = order.length;
  const channel = permuted(columns.channel.values(), order, new Int32Array(n));
  for (let i = 0; i < n; i++) channel[i] = int32At(channelRemap, int32At(channel, i));
  const touches: Touches = {
    count: n,
    kind: permuted(columns.kind.values(), order, new Uint8Array(n)),
    id: [],
    account: permuted(columns.account.values(), order, new Int32Array(n)),
    occurredAt: permuted(columns.occurredAt.values(), order, new Float64Array(n)),
    channel,
    campaign: permuted(columns.campaign.values(), order, new Int32Array(n)),
    actionType: permuted(columns.actionType.values(), order, new Int8Array(n)),
    member: permuted(columns.member.values(), order, new Int32Array(n)),
    accountStart,
  };
  definePackedStrings(touches, 'id', columns.id.inOrder(order));
  return touches;
}

/**
 * The permutation that puts the read touches in spec 1's order. A counting sort by account first (linear, and it
 * yields each account's range on the way), then each account's few touches sorted by time, kind and id.
 */
function touchOrder(columns: TouchColumns, accountCount: number): { order: Int32Array; accountStart: Int32Array } {
  const account = columns.account.values();
  const occurredAt = columns.occurredAt.values();
  const kind = columns.kind.values();
  const id = columns.id;
  const n = columns.count;
  const accountStart = new Int32Array(accountCount + 1);
  for (let i = 0; i < n; i++) {
    const slot = int32At(account, i) + 1;
    accountStart[slot] = int32At(accountStart, slot) + 1;
  }
  for (let a = 0; a < accountCount; a++) accountStart[a + 1] = int32At(accountStart, a + 1) + int32At(accountStart, a);
  const next = accountStart.slice(0, accountCount);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = int32At(account, i);
    const at = int32At(next, a);
    order[at] = i;
    next[a] = at + 1;
  }

  const byTimeKindId = (x: number, y: number): number =>
    float64At(occurredAt, x) - float64At(occurredAt, y) || uint8At(kind, x) - uint8At(kind, y) || id.compare(x, y);
  for (let a = 0; a < accountCount; a++) {
    const start = int32At(accountStart, a);
    const end = int32At(accountStart, a + 1);
    if (end - start > 1) order.subarray(start, end).sort(byTimeKindId);
  }
  return { order, accountStart };
}
