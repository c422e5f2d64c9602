import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TributaryBridge } from '../../../shared/api';
import type { GroupRule } from '../../../shared/channelGroups';
import { editCondition, renameRule } from '../groups/ruleEdits';
import { draftIsEdited, PREVIEW_DELAY_MS, useGroupsStore } from './groups';

interface Pending {
  rules: GroupRule[];
  answer(): void;
}

const RULES: GroupRule[] = [
  { group: 'Live', conditions: [{ field: 'channel', operator: 'equals', value: 'webinar' }] },
];

/** A bridge whose previews answer only when the test says so, naming the draft's first group as the channel. */
function fakeBridge(pending: Pending[]): Partial<TributaryBridge> {
  return {
    'groups:get': () => Promise.resolve({ ok: true, result: { rules: RULES, preset: [], customFields: ['region'] } }),
    'groups:preview': ({ rules }: { rules: GroupRule[] }) =>
      new Promise((resolve) => {
        if (rules.some((rule) => rule.conditions.some((condition) => !condition.value.trim()))) {
          const message = 'Invalid arguments for groups:preview: rules.0.conditions.0.value: needs a value';
          resolve({ ok: false, error: { code: 'bad_request', message } });
          return;
        }
        const channel = rules[0]?.group ?? 'none';
        pending.push({
          rules,
          answer: () => resolve({ ok: true, result: { groups: [{ channel, grouped: true, touches: 1, raw: [] }] } }),
        });
      }),
  } as unknown as Partial<TributaryBridge>;
}

const shownChannel = () => useGroupsStore.getState().preview?.groups[0]?.channel;

describe('the channel-group editor', () => {
  let pending: Pending[];

  beforeEach(async () => {
    vi.useFakeTimers();
    pending = [];
    Object.assign(globalThis, { window: { tributary: fakeBridge(pending) } });
    useGroupsStore.getState().reset();
    await useGroupsStore.getState().load();
    await vi.runAllTimersAsync();
    pending.splice(0).forEach((each) => each.answer());
    await vi.runAllTimersAsync();
  });

  afterEach(() => {
    vi.useRealTimers();
    Reflect.deleteProperty(globalThis, 'window');
  });

  it('starts from the saved rules, previewed', () => {
    expect(useGroupsStore.getState().draft).toEqual(RULES);
    expect(useGroupsStore.getState().customFields).toEqual(['region']);
    expect(shownChannel()).toBe('Live');
    expect(draftIsEdited(useGroupsStore.getState())).toBe(false);
  });

  it('asks for one preview per pause in typing', async () => {
    const { edit } = useGroupsStore.getState();
    for (const name of ['L', 'Li', 'Liv']) {
      edit((rules) => renameRule(rules, 0, name));
      await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS / 2);
    }
    expect(pending).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS);
    expect(pending.map((each) => each.rules[0]?.group)).toEqual(['Liv']);
    expect(draftIsEdited(useGroupsStore.getState())).toBe(true);
  });

  it('drops the answer for a draft edited since', async () => {
    const { edit } = useGroupsStore.getState();
    edit((rules) => renameRule(rules, 0, 'Old'));
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS);
    edit((rules) => renameRule(rules, 0, 'New'));
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS);
    const [old, latest] = pending.splice(0);
    latest?.answer();
    await vi.runAllTimersAsync();
    old?.answer();
    await vi.runAllTimersAsync();
    expect(shownChannel()).toBe('New');
    expect(useGroupsStore.getState().previewing).toBe(false);
  });

  it('says where a refused draft is wrong, keeping the last preview', async () => {
    useGroupsStore.getState().edit((rules) => editCondition(rules, 0, 0, { value: ' ' }));
    await vi.runAllTimersAsync();
    expect(useGroupsStore.getState().previewError).toBe(
      'Rule 1, condition 1 (value): a condition needs a value to compare with.',
    );
    expect(shownChannel()).toBe('Live');
    expect(useGroupsStore.getState().previewing).toBe(false);
  });

  it('shows nothing for a project closed while a preview was asked', async () => {
    useGroupsStore.getState().edit((rules) => renameRule(rules, 0, 'Gone'));
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS);
    useGroupsStore.getState().reset();
    pending.splice(0).forEach((each) => each.answer());
    await vi.runAllTimersAsync();
    expect(useGroupsStore.getState().preview).toBeNull();
  });
});
