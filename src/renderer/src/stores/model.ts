import { create } from 'zustand';
import { modelOptionsSchema, type ModelName, type ModelOptions } from '../../../shared/modelOptions';
import type { ReportScope } from '../../../shared/scope';
import type { PositionName } from '../../../shared/vocabulary/positions';
import type { BreakdownKey } from '../model/breakdownTable';
import { withModel, withWeight } from '../model/weights';
import { normaliseScope } from '../scope/scopeEdits';
import { resetOnProjectChange } from './projectStores';

/** Which touches the flows chart shows: community ones only, or every touch. */
export type FlowTouches = 'community' | 'all';

/** What the credit table breaks the credit down by: one of the built-in breakdowns, or the custom field chosen. */
export type BreakdownChoice = BreakdownKey | 'byField';

/** The defaults of spec cli.md, as the schema gives them. */
export const DEFAULT_OPTIONS: ModelOptions = modelOptionsSchema.parse({});

interface ModelState {
  /** What the panel edits; validated (modelOptionsSchema) before any request. */
  options: ModelOptions;
  /** Which touches the flows chart shows. */
  flows: FlowTouches;
  /** The Sankey node the flows and credit tables are filtered to (its id), or null for everything. */
  focus: string | null;
  /** The credit table's breakdown; with 'byField', the custom field it is by (asked of the engine with each run). */
  breakdown: BreakdownChoice;
  breakdownField: string | null;
  setBreakdown(breakdown: BreakdownKey): void;
  /** Breaks the credit down by a custom field of the deal or its account. */
  setBreakdownField(field: string): void;
  setModel(model: ModelName): void;
  setWeight(position: PositionName, value: number): void;
  setOption<K extends Exclude<keyof ModelOptions, 'model' | 'weights' | 'scope'>>(key: K, value: ModelOptions[K]): void;
  /** The report scope (spec 9) every view's figures cover: the scope bar's choice, part of the options. */
  setScope(scope: ReportScope): void;
  setFlows(flows: FlowTouches): void;
  /** Filters to a node; the node already filtered to clears the filter (a second click undoes the first). */
  toggleFocus(node: string | null): void;
  /** Replaces every option, as when a saved scenario is loaded: its scope too. */
  load(options: ModelOptions): void;
  /** The panel's Reset: the model's options back to their defaults, the scope as the scope bar has it. */
  resetOptions(): void;
  reset(): void;
}

/** The model panel: the options of the next model run, edited by the user. */
export const useModelStore = create<ModelState>()((set) => ({
  options: DEFAULT_OPTIONS,
  flows: 'community',
  focus: null,
  breakdown: 'byChannel',
  breakdownField: null,
  setBreakdown: (breakdown) => set({ breakdown }),
  setBreakdownField: (field) => set({ breakdown: 'byField', breakdownField: field }),
  setModel: (model) => set((state) => ({ options: withModel(state.options, model) })),
  setWeight: (position, value) => set((state) => ({ options: withWeight(state.options, position, value) })),
  setOption: (key, value) => set((state) => ({ options: { ...state.options, [key]: value } })),
  // The other choice draws other nodes: a filter chosen on this one may not exist there.
  setFlows: (flows) => set({ flows, focus: null }),
  setScope: (scope) => set((state) => ({ options: { ...state.options, scope: normaliseScope(scope) } })),
  toggleFocus: (node) => set((state) => ({ focus: node === state.focus ? null : node })),
  resetOptions: () =>
    set((state) => ({ options: { ...DEFAULT_OPTIONS, scope: state.options.scope }, flows: 'community', focus: null })),
  reset: () =>
    set({ options: DEFAULT_OPTIONS, flows: 'community', focus: null, breakdown: 'byChannel', breakdownField: null }),
  load: (options) => set({ options }),
}));
resetOnProjectChange(useModelStore);

/** The custom field a run's credit is to be broken down by too: the chosen one while the table shows it, else none. */
export function breakdownFieldOf(state: Pick<ModelState, 'breakdown' | 'breakdownField'>): string | null {
  return state.breakdown === 'byField' ? state.breakdownField : null;
}
