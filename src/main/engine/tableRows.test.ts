import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../store/migrations';
import { tableColumns } from './tableRows';

function project(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, ':memory:', loadMigrations());
  return db;
}

/** The blocks joined back into rows. */
function rowsOf<Row extends unknown[]>(blocks: Iterable<{ [K in keyof Row]: Row[K][] }>): unknown[][] {
  const rows: unknown[][] = [];
  for (const block of blocks) {
    const columns = block as unknown[][];
    for (let i = 0; i < (columns[0] as unknown[]).length; i++) rows.push(columns.map((column) => column[i]));
  }
  return rows;
}

describe('tableColumns', () => {
  it('reads every row once, in rowid order, across blocks and gaps in the rowids', () => {
    const db = project();
    const insert = db.prepare('INSERT INTO features (rowid, feature_id, shipped_at) VALUES (?, ?, ?)');
    // Rowids out of insertion order, with gaps and negative ones; more rows than two blocks hold.
    const rowids = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? 3 * i : 1 - i)).reverse();
    for (const rowid of rowids) insert.run(rowid, `f${rowid}`, rowid % 3 ? rowid : null);

    const blocks = [...tableColumns<[string, number | null]>(db, 'features', ['feature_id', 'shipped_at'])];
    expect(blocks.length).toBeGreaterThan(2);
    const sorted = [...rowids].sort((a, b) => a - b);
    expect(rowsOf(blocks)).toEqual(sorted.map((r) => [`f${r}`, r % 3 ? r : null]));
  });

  it('gives back exactly what a row-by-row read gives, whatever the text holds', () => {
    const db = project();
    const texts = [
      'plain',
      'quote " and backslash \\ and slash /',
      'line\nbreak\r\ttab',
      '\u0000nul\u0001 and \u001f',
      'accents é ü ß, CJK 漢字, emoji 🚀👩‍👩‍👧',
      '[1,2]',
      'null',
      '',
      '=SUM(A1)',
      ' spaces around ',
      '\u2028\u2029',
    ];
    const insert = db.prepare(
      'INSERT INTO contacts (contact_id, account_id, email, lead_created_at) VALUES (?, ?, ?, ?)',
    );
    texts.forEach((text, i) => insert.run(`c${i}`, text, i % 2 ? null : text, i % 3 ? -(2 ** 53) + i : 2 ** 53 - i));

    const columns = ['contact_id', 'account_id', 'email', 'lead_created_at'];
    const raw = db
      .prepare(`SELECT ${columns.join(', ')} FROM contacts ORDER BY rowid`)
      .raw()
      .all();
    expect(rowsOf(tableColumns(db, 'contacts', columns))).toEqual(raw);
    expect(raw.map((row) => (row as unknown[])[1])).toEqual(texts);
  });

  it('keeps rowid order where rowids past 2^53 look equal as numbers', () => {
    const db = project();
    const insert = db.prepare('INSERT INTO features (rowid, feature_id) VALUES (?, ?)');
    const big = 2n ** 62n;
    const rowids = [big + 3n, big + 1n, -(2n ** 63n), big + 2n, 9223372036854775807n, big, 0n];
    for (const rowid of rowids) insert.run(rowid, `f${rowid}`);
    const ascending = [...rowids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(rowsOf(tableColumns<[string]>(db, 'features', ['feature_id']))).toEqual(ascending.map((r) => [`f${r}`]));
  });

  it('reads an empty table as no blocks', () => {
    expect([...tableColumns(project(), 'touchpoints', ['touchpoint_id'])]).toEqual([]);
  });

  it('refuses a column JSON would not carry exactly', () => {
    const db = project();
    db.exec('CREATE TABLE loose (a TEXT); CREATE TABLE floats (amount REAL) STRICT');
    expect(() => [...tableColumns(db, 'opportunities', ['amount'])]).toThrow(/opportunities\.amount/);
    expect(() => [...tableColumns(db, 'loose', ['a'])]).toThrow(/STRICT tables only, not loose\.a/);
    expect(() => [...tableColumns(db, 'touchpoints', ['no_such_column'])]).toThrow(/touchpoints\.no_such_column/);
  });
});
