import { describe, expect, it } from 'vitest';
import { projectStores, resetProjectStores } from './projectStores';

interface AnyStore {
  getState(): Record<string, unknown>;
  getInitialState(): Record<string, unknown>;
  setState(state: Record<string, unknown>): void;
}

// Every store module of the renderer, loaded as the app would: each registers as it is created.
const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts'], { eager: true });
const stores = new Map(
  Object.values(modules).flatMap((module) =>
    Object.entries(module).filter((entry): entry is [string, AnyStore] => /^use\w+Store$/.test(entry[0])),
  ),
);

const isRegistered = (store: AnyStore) => (projectStores() as ReadonlySet<unknown>).has(store);

/** Stores of the app rather than of a project: they stay as they are when another project opens. */
const APP_STORES = ['useProjectStore', 'useThemeStore'];

/** What a store holds, without its actions. */
const dataOf = (state: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(state).filter(([, value]) => typeof value !== 'function'));

/** Another value of the same kind, so a reset has something to undo. */
function changed(value: unknown): unknown {
  if (typeof value === 'number') return value + 7;
  if (typeof value === 'string') return `${value}changed`;
  if (typeof value === 'boolean') return !value;
  return { changed: true };
}

describe('the stores reset when the project changes', () => {
  it('are every store but the app-wide ones', () => {
    const registered = [...stores].filter(([, store]) => isRegistered(store)).map(([name]) => name);
    expect(registered.sort()).toEqual([
      'useCompareStore',
      'useDataStore',
      'useGroupsStore',
      'useImportJobStore',
      'useImportStore',
      'useJourneysStore',
      'useModelResultsStore',
      'useModelStore',
      'useOpportunityListStore',
      'usePipelineStore',
      'useRestorePointsStore',
      'useRobustnessStore',
      'useRowsStore',
      'useScenariosStore',
      'useScopeChoicesStore',
      'useSeriesStore',
      'useVelocityStore',
    ]);
    const others = [...stores].filter(([, store]) => !isRegistered(store)).map(([name]) => name);
    expect(others.sort()).toEqual(APP_STORES);
  });

  it('each go back to their initial state', () => {
    for (const store of stores.values()) {
      if (!isRegistered(store)) continue;
      const initial = dataOf(store.getInitialState());
      store.setState(Object.fromEntries(Object.entries(initial).map(([key, value]) => [key, changed(value)])));
    }
    const generation = stores.get('useDataStore')?.getState()['generation'] as number;

    resetProjectStores();

    for (const [name, store] of stores) {
      if (!isRegistered(store)) continue;
      const after: Record<string, unknown> = { name, ...dataOf(store.getState()) };
      const initial: Record<string, unknown> = { name, ...dataOf(store.getInitialState()) };
      if (name === 'useDataStore') {
        // The data's generation moves on instead: the rows' cache is keyed by it.
        expect(after['generation']).toBe(generation + 1);
        initial['generation'] = after['generation'];
      }
      expect(after).toEqual(initial);
    }
  });
});
