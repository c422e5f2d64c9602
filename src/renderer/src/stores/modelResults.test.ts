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

/** A bridge whose model calls answer only when the test says so, echoing the options' model in the result. */
function fakeBridge(pending: Pending[]): Partial<TributaryBridge> {
  const answer = (method: string) => (args: { options: ModelOptions }) =>
    new Promise((resolve) => {
      pending.push({
        method,
        options: args.options,
        resolve: () => resolve({ ok: true, result: { attribution: { model: args.options.model }, focus: null } }),
      });
    });
  return { 'model:run': answer('model:run') } as unknown as Partial<TributaryBridge>;
}

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
    store.request({ options: { ...DEFAULT_OPTIONS, model: 'linear' }, scope: 'community', focus: null });
    store.request({ options: { ...DEFAULT_OPTIONS, model: 'markov' }, scope: 'community', focus: null });
    store.request({ options: { ...DEFAULT_OPTIONS, model: 'shapley' }, scope: 'community', focus: null });
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
    store.request({ options: DEFAULT_OPTIONS, scope: 'community', focus: null });
    await answerAll();
    store.request({
      options: { ...DEFAULT_OPTIONS, model: 'custom', weights: { FT: 0, LC: 0, OC: 0, CW: 0, MID: 0 } },
      scope: 'all',
      focus: null,
    });
    const state = useModelResultsStore.getState();
    expect(pending).toHaveLength(0);
    expect(state.error).toMatch(/above 0/);
    expect(resultsAreCurrent(state)).toBe(false);
  });

  it('drops an answer that arrives after the project was closed', async () => {
    useModelResultsStore.getState().request({ options: DEFAULT_OPTIONS, scope: 'community', focus: null });
    useModelResultsStore.getState().reset();
    await answerAll();
    expect(useModelResultsStore.getState().run).toBeNull();
  });
});
