import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TributaryBridge } from '../../../shared/api';
import { modelOptionsSchema, type ModelOptions } from '../../../shared/modelOptions';
import { SERIES_SETTLE_MS, useSeriesStore } from './series';

const optionsWith = (oc: number): ModelOptions =>
  modelOptionsSchema.parse({ model: 'custom', weights: { FT: 20, LC: 20, OC: oc, CW: 20, MID: 10 } });

describe('the series store', () => {
  let asked: ModelOptions[];

  beforeEach(() => {
    vi.useFakeTimers();
    asked = [];
    const bridge: Partial<TributaryBridge> = {
      'model:series': (({ options }: { options: ModelOptions }) => {
        asked.push(options);
        return Promise.resolve({ ok: true, result: [] });
      }) as unknown as TributaryBridge['model:series'],
    };
    Object.assign(globalThis, { window: { tributary: bridge } });
    useSeriesStore.getState().reset();
  });

  afterEach(() => {
    useSeriesStore.getState().reset();
    vi.useRealTimers();
    Reflect.deleteProperty(globalThis, 'window');
  });

  it('asks at once for the first series, then once per pause: never once per slider step', async () => {
    const { request } = useSeriesStore.getState();
    request(optionsWith(20));
    expect(asked).toHaveLength(1);
    for (let oc = 21; oc <= 30; oc++) {
      request(optionsWith(oc));
      await vi.advanceTimersByTimeAsync(SERIES_SETTLE_MS / 4);
    }
    expect(asked).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(SERIES_SETTLE_MS);
    expect(asked).toHaveLength(2);
    expect(asked[1]?.weights?.OC).toBe(30);
  });

  it('asks for nothing after a reset (the project closed meanwhile)', async () => {
    const { request } = useSeriesStore.getState();
    request(optionsWith(20));
    request(optionsWith(21));
    useSeriesStore.getState().reset();
    await vi.advanceTimersByTimeAsync(SERIES_SETTLE_MS * 2);
    expect(asked).toHaveLength(1);
  });
});
