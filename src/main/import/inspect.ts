import type Database from 'better-sqlite3';
import { planCustomFields } from '../../shared/customFields';
import type { ImportInspection, ImportPreview } from '../../shared/importApi';
import type { ImportMapping } from '../../shared/importSpec';
import { suggestKinds } from '../../shared/importSuggest';
import type { DataKind } from '../../shared/kinds';
import { readCustomFields } from '../store/customFields';
import { resolveMapping } from './mapping';
import { peekCsv } from './peek';
import { buildRowPlan } from './plan';

const MAX_WORDS = 50;

/** What the import wizard starts from: suggested kinds, the mapping, detected formats and what stays undecided. */
export function inspectImport(db: Database.Database, path: string, kind?: DataKind): ImportInspection {
  const headers = peekCsv(path, 1).headers;
  const suggestions = suggestKinds(headers).map(({ kind: k, score, missingRequired }) => ({
    kind: k,
    score,
    missingRequired,
  }));
  const chosen = kind ?? suggestions[0]?.kind ?? 'accounts';
  const resolved = resolveMapping(db, path, { kind: chosen });
  const wordsOf = (column: string): string[] => {
    const index = resolved.peek.headers.indexOf(resolved.mapping.columns[column] ?? '\0');
    if (index === -1) return [];
    const words = new Set(resolved.peek.rows.map((row) => (row[index] ?? '').trim()).filter((word) => word !== ''));
    return [...words].sort().slice(0, MAX_WORDS);
  };
  return {
    fileName: resolved.peek.fileName,
    size: resolved.peek.size,
    delimiter: resolved.peek.delimiter,
    headers: resolved.peek.headers,
    suggestions,
    kind: chosen,
    mapping: resolved.mapping,
    savedMappingName: resolved.savedName,
    notes: resolved.notes,
    undecided: resolved.undecided,
    existingCustomFields: readCustomFields(db, chosen),
    stageWords: chosen === 'opportunities' ? wordsOf('stage') : [],
    typeWords: chosen === 'opportunities' ? wordsOf('type') : [],
  };
}

/**
 * The first rows exactly as they would be stored under `mapping`, each with its issues; the columns kept as custom
 * fields (given the fields the project's kind already holds) are shown apart, by name, not as the stored JSON.
 */
export function previewImport(
  path: string,
  mapping: ImportMapping,
  rows: number,
  existingCustomFields: readonly string[] = [],
): ImportPreview {
  const peek = peekCsv(path, rows);
  const custom = planCustomFields(mapping.kind, peek.headers, mapping.columns, existingCustomFields);
  const plan = buildRowPlan(mapping, peek.headers, custom.columns);
  const shown = plan.custom ? plan.columns.slice(0, -1) : plan.columns;
  return {
    columns: shown,
    customFields: custom.columns.map((column) => column.name),
    ignoredHeaders: custom.ignored,
    rows: peek.rows.map((fields, index) => {
      const line = peek.lines[index] as number;
      if (fields.length !== peek.headers.length) {
        const reason = `expected ${peek.headers.length} columns as in the header, found ${fields.length}`;
        return { line, values: null, issues: [{ line, column: null, severity: 'rejected' as const, reason }] };
      }
      const outcome = plan.convert(fields);
      const warnings = outcome.warnings.map((w) => ({ line, ...w, severity: 'warning' as const }));
      if (!outcome.ok) {
        const errors = outcome.errors.map((e) => ({ line, ...e, severity: 'rejected' as const }));
        return { line, values: null, issues: [...errors, ...warnings] };
      }
      const values = plan.custom ? outcome.values.slice(0, -1) : outcome.values;
      const patch = plan.custom ? (JSON.parse(String(outcome.values.at(-1))) as Record<string, string | null>) : {};
      const custom = Object.fromEntries(
        Object.entries(patch).filter((entry): entry is [string, string] => entry[1] !== null),
      );
      return { line, values, custom, issues: warnings };
    }),
  };
}
