import type Database from 'better-sqlite3';
import type { ImportMapping } from '../../shared/importSpec';
import { autoMap, headerSignature } from '../../shared/importSuggest';
import { findSavedMapping } from '../store/mappings';
import { chooseFormats, type FormatChoice } from './formats';
import { peekCsv, type CsvPeek } from './peek';
import type { ImportOptions } from './run';

const FORMAT_SAMPLE_ROWS = 5000;

export interface ResolvedMapping extends FormatChoice {
  peek: CsvPeek;
  mapping: ImportMapping;
  /** The saved mapping these headers matched, if one was used. */
  savedName: string | null;
  signature: string;
}

/**
 * Settles the mapping for a file: the columns the user set, with every other column auto-mapped from known export
 * headers (data.md, mappings); else the mapping saved for these headers (data.md: reused automatically), else
 * auto-mapping alone; then the file's formats.
 */
export function resolveMapping(
  db: Database.Database,
  path: string,
  options: Pick<ImportOptions, 'kind' | 'mapping' | 'dateOrder' | 'decimalComma'>,
): ResolvedMapping {
  // Formats are settled from a generous sample (up to 2 MiB or 5,000 rows), not just the preview's rows.
  const peek = peekCsv(path, FORMAT_SAMPLE_ROWS);
  const signature = headerSignature(peek.headers);
  const given = options.mapping?.columns;
  const saved = given ? null : findSavedMapping(db, options.kind, signature);
  // The wizard's mapping and a saved one are whole: a column they leave out may have been unmapped on purpose, and
  // a saved mapping cannot tell that from one never mapped, so neither is filled in from the headers.
  const columns =
    (options.mapping?.complete ? given : undefined) ??
    saved?.mapping.columns ??
    autoMap(options.kind, peek.headers, given).columns;
  const base = { kind: options.kind, columns };
  const choice = chooseFormats(peek, base, {
    dateOrder: options.dateOrder ?? saved?.mapping.formats.dateOrder,
    decimalComma: options.decimalComma ?? saved?.mapping.formats.decimalComma,
  });
  const stageValues = options.mapping?.stageValues ?? saved?.mapping.stageValues;
  const typeValues = options.mapping?.typeValues ?? saved?.mapping.typeValues;
  const mapping: ImportMapping = {
    ...base,
    formats: choice.formats,
    ...(stageValues ? { stageValues } : {}),
    ...(typeValues ? { typeValues } : {}),
  };
  return {
    ...choice,
    peek,
    mapping,
    savedName: saved?.name ?? null,
    signature,
  };
}
