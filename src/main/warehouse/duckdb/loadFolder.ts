import type { DuckDBConnection } from '@duckdb/node-api';
import { TributaryError } from '../../../shared/errors';
import { KIND_SPECS, type ColumnSpec } from '../../../shared/importSpec';
import { plural } from '../../../shared/plural';
import { quote } from '../../../shared/values/parsed';
import { blankCategory, fillCategoryMap, isCategory } from './categoryMaps';
import { CANONICAL_KINDS, createCanonicalTableSql, duckDbTypeOf, quoteIdentifier } from './canonicalTables';
import { cellSql, isBlankSql } from './columnSql';
import { readCsvHeader } from './csvHeader';
import { findCanonicalFiles, type CanonicalFile } from './folderFiles';

/** At most this many problems are listed per file; the rest are counted. */
const PROBLEMS_SHOWN = 10;

/**
 * Creates the canonical tables (canonicalTables.ts) from a folder of canonical CSV or Parquet files, read where
 * they are: nothing is imported into a project. Each file is read as text, its cells checked and converted in
 * DuckDB (columnSql.ts), and refused with the file, line and column of its problems: a missing required column, a
 * cell of the wrong type, a blank required cell, an id given twice. Returns notes to show (words read with a
 * caveat, as the import warns about them).
 */
export async function loadCanonicalFolder(connection: DuckDBConnection, folder: string): Promise<string[]> {
  const files = findCanonicalFiles(folder);
  for (const kind of CANONICAL_KINDS) await connection.run(createCanonicalTableSql(kind));
  const notes: string[] = [];
  for (const file of files) notes.push(...(await loadFile(connection, file)));
  return notes;
}

async function loadFile(connection: DuckDBConnection, file: CanonicalFile): Promise<string[]> {
  const raw = quoteIdentifier(`raw_${file.kind}`);
  const headers = await readRaw(connection, file, raw);
  const columns = KIND_SPECS[file.kind].columns;
  assertColumns(file, headers, columns);

  const notes: string[] = [];
  const joins: string[] = [];
  const values = new Map<string, string>();
  const checks: Check[] = [];
  for (const column of columns) {
    const found = headers.get(column.name);
    if (found === undefined) {
      // A file without the column reads as blank cells: NULL, or the word a blank stands for (a type, data.md).
      const blank = isCategory(column.type) ? blankCategory(column.type) : null;
      values.set(column.name, blank === null ? `CAST(NULL AS ${duckDbTypeOf(column.type)})` : `'${blank}'`);
      continue;
    }
    const { header } = found;
    const cell = `${raw}.${quoteIdentifier(found.column)}`;
    if (isCategory(column.type)) {
      const mapName = `map_${file.kind}_${column.name}`;
      const map = quoteIdentifier(mapName);
      const warnings = await fillCategoryMap(connection, mapName, raw, quoteIdentifier(found.column), column.type);
      notes.push(
        ...warnings.map(({ warning, rows }) => `${file.name}, column ${header}: ${warning} (${plural(rows, 'row')})`),
      );
      joins.push(`LEFT JOIN ${map} ON ${map}.raw = trim(${cell})`);
      const blank = blankCategory(column.type);
      // The default is one of the fixed words of data.md, never data.
      values.set(column.name, blank === null ? `${map}.value` : `COALESCE(${map}.value, '${blank}')`);
    } else {
      const sql = cellSql(cell, column);
      // data.md: an open deal without an amount counts as 0, as the project stores it.
      values.set(column.name, column.blankAllowed ? `COALESCE(${sql.value}, 0)` : sql.value);
      if (sql.invalid !== undefined) {
        checks.push({
          column: header,
          cell,
          when: `NOT ${isBlankSql(cell)} AND ${sql.invalid}`,
          why: (value) => `${quote(value)} is not ${sql.expected}`,
        });
      }
    }
    if (column.required && !column.blankAllowed) {
      checks.push({ column: header, cell, when: isBlankSql(cell), why: () => `${column.name} is blank` });
    }
  }
  const from = `${raw} ${joins.join(' ')}`;
  checks.push(...rowChecks(file, headers, raw, values));
  await assertValid(connection, file, raw, from, checks);
  await assertUniqueKey(connection, file, raw, headers);
  const selected = columns.map((column) => `${values.get(column.name) as string} AS ${quoteIdentifier(column.name)}`);
  await connection.run(`INSERT INTO ${quoteIdentifier(file.kind)} SELECT ${selected.join(', ')} FROM ${from}`);
  await connection.run(`DROP TABLE ${raw}`);
  return notes;
}

/**
 * Reads the file into `raw` as text, in the file's order (DuckDB keeps insertion order: rowid is the row), and
 * returns its headers: canonical name (trimmed, lower-cased) -> the raw table's column and the header as written.
 */
async function readRaw(connection: DuckDBConnection, file: CanonicalFile, raw: string): Promise<Headers> {
  const csvHeader = file.format === 'csv' ? readCsvHeader(file.path, file.name) : [];
  const reader =
    file.format === 'csv'
      ? `SELECT * FROM read_csv($1, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
        `columns = {${csvHeader.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ')}})`
      : // A Parquet column may be typed already (a TIMESTAMP, a DOUBLE): as text it goes through the same checks.
        `SELECT COLUMNS(*)::VARCHAR FROM read_parquet($1)`;
  try {
    await connection.run(`CREATE TEMP TABLE ${raw} AS ${reader}`, [file.path]);
  } catch (error) {
    throw new TributaryError('bad_request', `${file.name} could not be read: ${readerMessage(error)}`);
  }
  const headers: Headers = new Map();
  const names =
    file.format === 'csv'
      ? csvHeader
      : (await connection.runAndReadAll(`SELECT column_name FROM (DESCRIBE ${raw})`)).getRows().map(([n]) => String(n));
  names.forEach((header, i) => {
    const key = header.trim().toLowerCase();
    // A header given twice: the first one counts, as a spreadsheet reader would take it.
    if (!headers.has(key)) headers.set(key, { header, column: file.format === 'csv' ? `c${i}` : header });
  });
  return headers;
}

/** DuckDB's own words on a file it cannot read (for a CSV, the line), without its hints about its own options. */
function readerMessage(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error)).split('\n');
  const useful = lines.filter((line) => /\S/.test(line) && !/^(Possible fixes|\*|Original Line|\s)/.test(line));
  return useful
    .slice(0, 2)
    .map((line) => line.replace(/^[A-Za-z ]+ Error: /, ''))
    .join('; ');
}

type Headers = Map<string, { header: string; column: string }>;

function assertColumns(file: CanonicalFile, headers: Headers, columns: readonly ColumnSpec[]): void {
  const missing = columns.filter((column) => column.required && !headers.has(column.name)).map((c) => c.name);
  for (const group of KIND_SPECS[file.kind].oneOf ?? []) {
    if (!group.some((name) => headers.has(name))) missing.push(group.join(' or '));
  }
  if (missing.length === 0) return;
  const has = [...headers.values()].map(({ header }) => header).join(', ');
  throw new TributaryError(
    'bad_request',
    `${file.name} has no column ${missing.join(', no column ')} (its columns: ${has || 'none'})`,
  );
}

interface Check {
  column: string;
  /** The raw cell, to quote the value refused. */
  cell: string;
  /** SQL over the raw row joined to the category maps. */
  when: string;
  why: (value: string) => string;
}

/** Rules across a row: a touch needs a contact or an account; a won or lost deal an amount (data.md). */
function rowChecks(file: CanonicalFile, headers: Headers, raw: string, values: Map<string, string>): Check[] {
  const cell = (name: string): string => {
    const found = headers.get(name);
    return found === undefined ? 'NULL' : `${raw}.${quoteIdentifier(found.column)}`;
  };
  if (file.kind === 'touchpoints') {
    return [
      {
        column: 'contact_id',
        cell: cell('contact_id'),
        when: `${isBlankSql(cell('contact_id'))} AND ${isBlankSql(cell('account_id'))}`,
        why: () => 'the touch has neither a contact_id nor an account_id',
      },
    ];
  }
  if (file.kind === 'opportunities') {
    return [
      {
        column: 'amount',
        cell: cell('amount'),
        when: `${isBlankSql(cell('amount'))} AND ${values.get('stage') ?? 'NULL'} IN ('won', 'lost')`,
        why: () => 'a won or lost opportunity needs an amount',
      },
    ];
  }
  return [];
}

/** Runs every check in one pass over the file and refuses it with the first rows each check finds. */
async function assertValid(
  connection: DuckDBConnection,
  file: CanonicalFile,
  raw: string,
  from: string,
  checks: Check[],
): Promise<void> {
  if (checks.length === 0) return;
  const sql = `SELECT ${checks
    .map((check) => `min(${raw}.rowid) FILTER (WHERE ${check.when}), count(*) FILTER (WHERE ${check.when})`)
    .join(', ')} FROM ${from}`;
  const [found = []] = (await connection.runAndReadAll(sql)).getRows();
  const problems: string[] = [];
  let more = 0;
  for (const [i, check] of checks.entries()) {
    const row = found[2 * i];
    const count = Number(found[2 * i + 1] ?? 0);
    if (row === null || row === undefined) continue;
    if (problems.length >= PROBLEMS_SHOWN) {
      more += count;
      continue;
    }
    const value = await cellValue(connection, raw, check.cell, row);
    const others = count > 1 ? ` (and ${plural(count - 1, 'more row')})` : '';
    problems.push(`${where(file, Number(row))}, column ${check.column}: ${check.why(value)}${others}`);
  }
  if (problems.length === 0) return;
  if (more > 0) problems.push(`… and ${plural(more, 'more problem')}`);
  throw new TributaryError(
    'bad_request',
    `${file.name} has problems Tributary cannot read past:\n  ${problems.join('\n  ')}`,
  );
}

async function cellValue(connection: DuckDBConnection, raw: string, cell: string, row: unknown): Promise<string> {
  if (cell === 'NULL') return '';
  const result = await connection.runAndReadAll(`SELECT ${cell} FROM ${raw} WHERE rowid = $1`, [Number(row)]);
  const value = result.getRows()[0]?.[0];
  return value === null || value === undefined ? '' : String(value);
}

/** A row's place: its line for a CSV (the header is line 1; a quoted value spanning lines shifts it), else its number. */
function where(file: CanonicalFile, rowid: number): string {
  return file.format === 'csv' ? `${file.name} line ${rowid + 2}` : `${file.name} row ${rowid + 1}`;
}

/** data.md: a row's id identifies it; a file giving one twice would count a deal or a touch twice. */
async function assertUniqueKey(
  connection: DuckDBConnection,
  file: CanonicalFile,
  raw: string,
  headers: Headers,
): Promise<void> {
  const key = KIND_SPECS[file.kind].key.map(
    (name) => `trim(${raw}.${quoteIdentifier(headers.get(name)?.column ?? name)})`,
  );
  // A plain count per key first: the rows of a duplicate are only looked up when there is one (listing every
  // key's rows took longer than reading the file at 500,000 touches).
  const [found] = (
    await connection.runAndReadAll(
      `SELECT ${key.map((k, i) => `${k} AS k${i}`).join(', ')} FROM ${raw} GROUP BY ALL HAVING count(*) > 1 LIMIT 1`,
    )
  ).getRows();
  if (found === undefined) return;
  const same = key.map((k, i) => `${k} = $${i + 1}`).join(' AND ');
  const lines = (await connection.runAndReadAll(`SELECT rowid FROM ${raw} WHERE ${same} ORDER BY rowid LIMIT 2`, found))
    .getRows()
    .map(([rowid]) => where(file, Number(rowid)).slice(file.name.length + 1));
  const ids = found.map((value) => quote(String(value)));
  const names = KIND_SPECS[file.kind].key.join(', ');
  throw new TributaryError(
    'bad_request',
    `${file.name}: ${names} ${ids.join(', ')} is given twice (${lines.join(' and ')}); each row needs its own id`,
  );
}
