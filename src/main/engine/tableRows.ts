import type Database from 'better-sqlite3';

/** Rows per block: big enough that a block costs little per row, small enough that its text stays a few MB. */
const BLOCK_ROWS = 8192;

/** Values a column of a STRICT table can hand over exactly through JSON text. */
const JSON_EXACT_TYPES = new Set(['TEXT', 'INTEGER']);

/** One block of a table: an array per column, all of the same length, rows in rowid order. */
export type ColumnBlock<Row extends unknown[]> = { [K in keyof Row]: Row[K][] };

/**
 * The rows of `SELECT <columns> FROM <table>` in storage (rowid) order, a block at a time, one array per column.
 *
 * better-sqlite3 builds a JS array per row and converts every value in native code: at a million touches that was
 * 1.6 s of a 2.3 s load, most of it per row rather than per value. Here SQLite itself packs each column of a block
 * into one JSON array (`json_group_array`) and V8's JSON.parse, which is far faster per value, unpacks it: the
 * touchpoints table reads in about a third of the time. JSON carries TEXT and INTEGER values exactly (a float
 * would come back with 15 digits), so only such columns are accepted, and only from a STRICT table, where every
 * value has its column's type. SQLite does not promise to feed an aggregate the subquery's rows in its ORDER BY
 * order, though it does: the rowids come along and a block found out of order is put back in order, so callers may
 * rely on it.
 */
export function* tableColumns<Row extends unknown[]>(
  db: Database.Database,
  table: string,
  columns: readonly string[],
): Generator<ColumnBlock<Row>> {
  checkJsonExact(db, table, columns);
  const packed = columns.map((column) => `json_group_array(${column})`).join(', ');
  const block = (where: string) =>
    db
      .prepare(
        `SELECT count(*), max(r), json_group_array(r), ${packed}
         FROM (SELECT rowid AS r, ${columns.join(', ')} FROM ${table} ${where} ORDER BY rowid LIMIT ?)`,
      )
      .raw()
      .safeIntegers(true);
  const first = block('');
  const next = block('WHERE rowid > ?');
  // Rowids are 64-bit: the last one read goes back to SQLite as a BigInt, exact.
  let last: bigint | null = null;
  for (;;) {
    const [count, max, rowids, ...json] = (last === null ? first.get(BLOCK_ROWS) : next.get(last, BLOCK_ROWS)) as [
      bigint,
      bigint,
      string,
      ...string[],
    ];
    if (count === 0n) return;
    const values = json.map((text) => JSON.parse(text) as unknown[]);
    yield inRowidOrder(rowids, values) as ColumnBlock<Row>;
    if (count < BigInt(BLOCK_ROWS)) return;
    last = max;
  }
}

function checkJsonExact(db: Database.Database, table: string, columns: readonly string[]): void {
  const strict = db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').pluck().get(table) as
    number | undefined;
  const types = new Map(
    (db.prepare('SELECT name, type FROM pragma_table_info(?)').raw().all(table) as [string, string][]).map(
      ([name, type]) => [name, type.toUpperCase()],
    ),
  );
  for (const column of columns) {
    const type = types.get(column);
    if (strict !== 1 || type === undefined || !JSON_EXACT_TYPES.has(type))
      throw new Error(`tableColumns reads TEXT and INTEGER columns of STRICT tables only, not ${table}.${column}`);
  }
}

/** The columns as they are when the rowids (a JSON array) ascend, which is every time; otherwise sorted by rowid. */
function inRowidOrder(rowidsJson: string, values: unknown[][]): unknown[][] {
  // Doubles that strictly ascend come from integers that do (rounding keeps order), so this check is exact; only
  // rowids past 2^53 can look tied and take the exact path.
  const rowids = JSON.parse(rowidsJson) as number[];
  if (rowids.every((rowid, i) => i === 0 || (rowids[i - 1] as number) < rowid)) return values;
  const exact = rowidsJson
    .slice(1, -1)
    .split(',')
    .map((text) => BigInt(text));
  const order = exact.map((_, i) => i).sort((a, b) => compareBigInt(exact[a] as bigint, exact[b] as bigint));
  return values.map((column) => order.map((i) => column[i]));
}

function compareBigInt(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
