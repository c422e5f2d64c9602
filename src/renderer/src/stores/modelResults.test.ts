import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TributaryBridge } from '../../../shared/api';
import type { ModelOptions } from '../../../shared/modelOptions';
import { DEFAULT_OPTIONS } from './model';
import { resultsAreCurrent, useModelResultsStore } from './modelResults';

interface Pending {
  method: string;
  options: ModelOptions;
  resolve(): void;
}

/**
 * A bridge whose model calls answer only when the test says so, echoing the options' model and the focus its request
 * asked for in the result: the focus tells which request a shown answer is for (the store keeps the shown objects
 * for the parts an answer did not change, so the shown run is not always the answer's own object).
 */
function fakeBridge(pending: Pending[]): Partial<TributaryBridge> {
  const answer = (method: string) => (args: { options: ModelOptions; focus: string | null }) =>
    new Promise((resolve) => {
      const result = { attribution: { model: args.options.model }, focus: args.focus };
      pending.push({
        method,
        options: args.options,
        resolve: () => resolve({ ok: true, result }),
      });
    });
  return { 'model:run': answer('model:run') } as unknown as Partial<TributaryBridge>;
}

/** The focus the shown run's request asked for (the fake bridge echoes it), or null with no run shown. */
const answerOf = (run: unknown): string | null => (run as { focus: string | null } | null)?.focus ?? null;

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('model results', () => {
  let pending: Pending[];

  beforeEach(() => {
    pending = [];
    Object.assign(globalThis, { window: { tributary: fakeBridge(pending) } });
    useModelResultsStore.getState().reset();
  });

  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'window');
  });

  async function answerAll(): Promise<void> {
    const batch = pending.splice(0);
    for (const call of batch) call.resolve();
    await flush();
  }

  it('keeps one request in flight and sends only the latest options when it answers', async () => {
    const store = useModelResultsStore.getState();
    store.request({
      options: { ...DEFAULT_OPTIONS, model: 'linear' },
      flows: 'community',
      focus: null,
      breakdownField: null,
    });
    store.request({
      options: { ...DEFAULT_OPTIONS, model: 'markov' },
      flows: 'community',
      focus: null,
      breakdownField: null,
    });
    store.request({
      options: { ...DEFAULT_OPTIONS, model: 'shapley' },
      flows: 'community',
      focus: null,
      breakdownField: null,
    });
    expect(pending.map((call) => call.options.model)).toEqual(['linear']);

    await answerAll();
    let state = useModelResultsStore.getState();
    expect(state.run?.attribution.model).toBe('linear');
    expect(resultsAreCurrent(state)).toBe(false);
    expect(state.updating).toBe(true);
    expect(pending.map((call) => call.options.model)).toEqual(['shapley']);

    await answerAll();
    state = useModelResultsStore.getState();
    expect(state.run?.attribution.model).toBe('shapley');
    expect(resultsAreCurrent(state)).toBe(true);
    expect(state.updating).toBe(false);
  });

  it('sends nothing for invalid options and marks the shown results out of date', async () => {
    const store = useModelResultsStore.getState();
    store.request({ options: DEFAULT_OPTIONS, flows: 'community', focus: null, breakdownField: null });
    await answerAll();
    store.request({
      options: { ...DEFAULT_OPTIONS, model: 'custom', weights: { FT: 0, LC: 0, OC: 0, CW: 0, MID: 0 } },
      flows: 'all',
      focus: null,
      breakdownField: null,
    });
    const state = useModelResultsStore.getState();
    expect(pending).toHaveLength(0);
    expect(state.error).toMatch(/above 0/);
    expect(resultsAreCurrent(state)).toBe(false);
  });

  it('drops an answer that arrives after the project was closed', async () => {
    useModelResultsStore
      .getState()
      .request({ options: DEFAULT_OPTIONS, flows: 'community', focus: null, breakdownField: null });
    useModelResultsStore.getState().reset();
    await answerAll();
    expect(useModelResultsStore.getState().run).toBeNull();
  });

  it('never shows the answer for a closed project, even when it arrives after the next project asked', async () => {
    const store = useModelResultsStore.getState();
    store.request({
      options: { ...DEFAULT_OPTIONS, model: 'linear' },
      flows: 'community',
      focus: null,
      breakdownField: null,
    });
    store.reset();
    store.request({
      options: { ...DEFAULT_OPTIONS, model: 'markov' },
      flows: 'community',
      focus: null,
      breakdownField: null,
    });
    expect(pending.map((call) => call.options.model)).toEqual(['linear', 'markov']);

    pending.shift()?.resolve();
    await flush();
    let state = useModelResultsStore.getState();
    expect(state.run).toBeNull();
    expect(resultsAreCurrent(state)).toBe(false);
    expect(state.updating).toBe(true);

    await answerAll();
    state = useModelResultsStore.getState();
    expect(state.run?.attribution.model).toBe('markov');
    expect(resultsAreCurrent(state)).toBe(true);
    expect(state.updating).toBe(false);
  });

  it('keeps the shown objects for the parts a new answer did not change', async () => {
    const store = useModelResultsStore.getState();
    store.request({ options: { ...DEFAULT_OPTIONS, model: 'linear' }, flows: 'all', focus: 'a', breakdownField: null });
    await answerAll();
    const first = useModelResultsStore.getState().run;
    store.request({ options: { ...DEFAULT_OPTIONS, model: 'linear' }, flows: 'all', focus: 'b', breakdownField: null });
    await answerAll();
    const second = useModelResultsStore.getState().run;
    expect(second?.focus).toBe('b');
    expect(second?.attribution).toBe(first?.attribution);
  });

  it('shows answers newest-last and calls only the newest one current, whatever order the answers arrive in', async () => {
    // Requests, closes of the project and answers in any order: an answer is never for a closed project, never
    // older than one shown before it, current exactly when it answers the newest request, and "updating" exactly
    // while it does not. Once every call is answered, the newest request's answer is shown.
    const step = fc.oneof(
      { weight: 3, arbitrary: fc.constant({ kind: 'request' as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'close' as const }) },
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('answer' as const), pick: fc.nat() }) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 30 }), async (steps) => {
        useModelResultsStore.getState().reset();
        pending.splice(0);
        /** Each request's project (closes so far), by its focus; the newest request and answer of this project. */
        const projectOf = new Map<string, number>();
        let project = 0;
        let newest: string | null = null;
        let shownBefore = -1;
        const order = (focus: string) => Number(focus.slice(1));

        const check = () => {
          const state = useModelResultsStore.getState();
          const shown = answerOf(state.run);
          if (shown !== null) {
            expect(projectOf.get(shown), `${shown} answers a closed project`).toBe(project);
            expect(order(shown), `${shown} is older than the answer shown before it`).toBeGreaterThanOrEqual(
              shownBefore,
            );
            shownBefore = order(shown);
          }
          expect(resultsAreCurrent(state)).toBe(shown !== null && shown === newest);
          expect(state.updating).toBe(newest !== null && shown !== newest);
        };

        for (const [i, next] of steps.entries()) {
          if (next.kind === 'request') {
            newest = `q${i}`;
            projectOf.set(newest, project);
            useModelResultsStore
              .getState()
              .request({ options: DEFAULT_OPTIONS, flows: 'all', focus: newest, breakdownField: null });
          } else if (next.kind === 'close') {
            project += 1;
            newest = null;
            shownBefore = -1;
            useModelResultsStore.getState().reset();
          } else if (pending.length > 0) {
            pending.splice(next.pick % pending.length, 1)[0]?.resolve();
          }
          await flush();
          check();
        }
        while (pending.length > 0) {
          pending.pop()?.resolve();
          await flush();
          check();
        }
        const state = useModelResultsStore.getState();
        expect(answerOf(state.run)).toBe(newest);
      }),
      { numRuns: 200 },
    );
  });
});
