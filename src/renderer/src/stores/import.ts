import { create } from 'zustand';
import type { ImportInspection, ImportPreview } from '../../../shared/importApi';
import type { DateOrder, ImportMapping, OpportunityType, Stage } from '../../../shared/importSpec';
import type { DataKind } from '../../../shared/kinds';
import { call, errorMessage } from '../api/client';
import { opportunityTypeOf, stageOf, withValue } from '../importDefaults';
import { useImportJobStore } from './importJob';
import { latestOnly } from './latestOnly';
import { resetOnProjectChange } from './projectStores';

const PREVIEW_ROWS = 20;
const PREVIEW_DEBOUNCE_MS = 150;

interface ImportState {
  /** The CSV file as typed or chosen; inspection is of `inspectedPath`, which the mapping belongs to. */
  path: string;
  inspectedPath: string | null;
  inspecting: boolean;
  inspection: ImportInspection | null;
  mapping: ImportMapping | null;
  saveMappingAs: string;
  strict: boolean;
  preview: ImportPreview | null;
  previewLoading: boolean;
  previewError: string | null;
  /** A problem with the file itself (not found, empty, unreadable), shown in the wizard. */
  error: string | null;
  setPath(path: string): void;
  inspect(kind?: DataKind): Promise<void>;
  setColumn(column: string, header: string | null): void;
  setDateOrder(dateOrder: DateOrder): void;
  setDecimalComma(decimalComma: boolean): void;
  setStageValue(word: string, stage: Stage): void;
  setTypeValue(word: string, type: OpportunityType): void;
  setSaveMappingAs(name: string): void;
  setStrict(strict: boolean): void;
  reset(): void;
}

const INITIAL = {
  path: '',
  inspectedPath: null,
  inspecting: false,
  inspection: null,
  mapping: null,
  saveMappingAs: '',
  strict: false,
  preview: null,
  previewLoading: false,
  previewError: null,
  error: null,
} satisfies Partial<ImportState>;

/**
 * The import wizard's file, inspection and mapping. Every change to the mapping refreshes the live preview
 * (debounced; a late answer to an older mapping is dropped) and makes an earlier validation out of date.
 */
export const useImportStore = create<ImportState>()((set, get) => {
  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  const previews = latestOnly();
  const inspections = latestOnly();

  function schedulePreview(): void {
    clearTimeout(previewTimer);
    const wanted = previews.next();
    set({ previewLoading: true });
    previewTimer = setTimeout(() => {
      const { inspectedPath, mapping } = get();
      if (!inspectedPath || !mapping) return;
      call('import:preview', { path: inspectedPath, mapping, rows: PREVIEW_ROWS }).then(
        (preview) => {
          if (wanted()) set({ preview, previewError: null, previewLoading: false });
        },
        (error: unknown) => {
          if (wanted()) set({ previewError: errorMessage(error), previewLoading: false });
        },
      );
    }, PREVIEW_DEBOUNCE_MS);
  }

  function changeMapping(change: (mapping: ImportMapping) => ImportMapping): void {
    const { mapping } = get();
    if (!mapping) return;
    set({ mapping: change(mapping) });
    useImportJobStore.getState().clearReports();
    schedulePreview();
  }

  return {
    ...INITIAL,

    setPath: (path) => set({ path }),

    inspect: async (kind) => {
      const path = kind ? get().inspectedPath : get().path.trim();
      if (!path) return;
      const wanted = inspections.next();
      set({ inspecting: true, error: null });
      try {
        const inspection = await call('import:inspect', kind ? { path, kind } : { path });
        if (!wanted()) return;
        set({ inspection, inspectedPath: path, mapping: inspection.mapping, preview: null, previewError: null });
        useImportJobStore.getState().reset();
        schedulePreview();
      } catch (error) {
        if (wanted()) set({ error: errorMessage(error) });
      } finally {
        if (wanted()) set({ inspecting: false });
      }
    },

    setColumn: (column, header) =>
      changeMapping((mapping) => {
        const columns = Object.fromEntries(Object.entries(mapping.columns).filter(([name]) => name !== column));
        return { ...mapping, columns: header === null ? columns : { ...columns, [column]: header } };
      }),

    setDateOrder: (dateOrder) =>
      changeMapping((mapping) => ({ ...mapping, formats: { ...mapping.formats, dateOrder } })),

    setDecimalComma: (decimalComma) =>
      changeMapping((mapping) => ({ ...mapping, formats: { ...mapping.formats, decimalComma } })),

    // Only words the user set apart from data.md's defaults go in the value maps; an empty map is left out.
    setStageValue: (word, stage) =>
      changeMapping(({ stageValues, ...rest }) => {
        const next = withValue(stageValues, word, stage, stageOf(word));
        return next ? { ...rest, stageValues: next } : rest;
      }),

    setTypeValue: (word, type) =>
      changeMapping(({ typeValues, ...rest }) => {
        const next = withValue(typeValues, word, type, opportunityTypeOf(word));
        return next ? { ...rest, typeValues: next } : rest;
      }),

    setSaveMappingAs: (saveMappingAs) => set({ saveMappingAs }),
    setStrict: (strict) => set({ strict }),

    reset: () => {
      clearTimeout(previewTimer);
      previews.dropAll();
      inspections.dropAll();
      set(INITIAL);
    },
  };
});
resetOnProjectChange(useImportStore);
