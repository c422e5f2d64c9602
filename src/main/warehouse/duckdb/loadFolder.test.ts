import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../test/helpers/files';
import { loadCanonicalFolder } from './loadFolder';
import { openEmbeddedDuckDb, type EmbeddedDuckDb } from './open';

const tempDir = useTempDir();
const opened: EmbeddedDuckDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

async function duckDb(): Promise<EmbeddedDuckDb> {
  const db = await openEmbeddedDuckDb({ threads: 1 });
  opened.push(db);
  return db;
}

function folder(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const OPPORTUNITIES = [
  'opportunity_id,account_id,type,stage,amount,created_at,closed_at',
  'O1,A1,,Closed Won,1000,2024-03-01,2024-03-31',
  `"O'2"";DROP TABLE touchpoints;--",A2,Expansion,lost,500.25,2024-03-01T10:00:00+02:00,1711843200000`,
  'O3,A1,New Customer,open,,2024-04-01,',
].join('\n');
const TOUCHPOINTS = [
  'touchpoint_id,contact_id,account_id,occurred_at,channel',
  'T1,,A1,2024-01-10,email',
  'T2,,A2,2024-02-10T09:00:00-05:00,"ads, ""paid"""',
].join('\n');

async function rows(db: EmbeddedDuckDb, sql: string): Promise<Record<string, unknown>[]> {
  return (await db.connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

async function loadError(files: Record<string, string>): Promise<string> {
  const db = await duckDb();
  const error = await loadCanonicalFolder(db.connection, folder(files)).then(
    () => new Error('loaded'),
    (e: unknown) => e as Error,
  );
  expect(error.name).toBe('TributaryError');
  return error.message;
}

describe('a folder of canonical CSV files in DuckDB', () => {
  it('reads times to UTC milliseconds, normalises the words and keeps ids with quotes as they are', async () => {
    const db = await duckDb();
    const notes = await loadCanonicalFolder(
      db.connection,
      folder({ 'opportunities.csv': OPPORTUNITIES, 'Touchpoints.CSV': TOUCHPOINTS }),
    );
    expect(notes).toEqual([]);
    expect(await rows(db, 'SELECT * FROM opportunities ORDER BY created_at, opportunity_id')).toEqual([
      {
        opportunity_id: `O'2";DROP TABLE touchpoints;--`,
        account_id: 'A2',
        name: null,
        type: 'upgrade',
        stage: 'lost',
        amount: 500.25,
        // 10:00 at +02:00 is 08:00 UTC; a time given is kept as it is, not moved to the end of the day.
        created_at: String(Date.parse('2024-03-01T08:00:00Z')),
        closed_at: '1711843200000',
      },
      {
        opportunity_id: 'O1',
        account_id: 'A1',
        name: null,
        // spec 1: a date-only milestone is the end of its day; data.md: a blank type is new business.
        type: 'new_business',
        stage: 'won',
        amount: 1000,
        created_at: String(Date.parse('2024-03-01T23:59:59.999Z')),
        closed_at: String(Date.parse('2024-03-31T23:59:59.999Z')),
      },
      {
        opportunity_id: 'O3',
        account_id: 'A1',
        name: null,
        type: 'new_business',
        stage: 'open',
        // data.md: an open deal without an amount counts as 0.
        amount: 0,
        created_at: String(Date.parse('2024-04-01T23:59:59.999Z')),
        closed_at: null,
      },
    ]);
    expect(await rows(db, 'SELECT touchpoint_id, occurred_at, channel FROM touchpoints ORDER BY 1')).toEqual([
      // A date-only event is the start of its day.
      { touchpoint_id: 'T1', occurred_at: String(Date.parse('2024-01-10T00:00:00Z')), channel: 'email' },
      { touchpoint_id: 'T2', occurred_at: String(Date.parse('2024-02-10T14:00:00Z')), channel: 'ads, "paid"' },
    ]);
    // A file without a type column: every deal is new business, as a blank type is.
    const other = await duckDb();
    await loadCanonicalFolder(
      other.connection,
      folder({
        'opportunities.csv': 'opportunity_id,account_id,stage,amount,created_at\nO1,A1,won,5,2024-01-01',
        'touchpoints.csv': TOUCHPOINTS,
      }),
    );
    expect(await rows(other, 'SELECT type FROM opportunities')).toEqual([{ type: 'new_business' }]);
    // The kinds without a file are there, empty, for the SQL to read.
    expect(await rows(db, 'SELECT count(*)::INTEGER AS n FROM community_actions')).toEqual([{ n: 0 }]);
  });

  it('reads a Parquet folder as the same tables, typed columns included', async () => {
    const db = await duckDb();
    await loadCanonicalFolder(
      db.connection,
      folder({ 'opportunities.csv': OPPORTUNITIES, 'touchpoints.csv': TOUCHPOINTS }),
    );
    const parquet = tempDir();
    // Typed as another tool would write them: amounts as DOUBLE, times as TIMESTAMPTZ.
    await db.connection.run(
      `COPY (SELECT * EXCLUDE (created_at, closed_at), make_timestamptz(created_at * 1000) AS created_at,
        make_timestamptz(closed_at * 1000) AS closed_at FROM opportunities) TO '${join(parquet, 'opportunities.parquet')}'`,
    );
    await db.connection.run(`COPY touchpoints TO '${join(parquet, 'touchpoints.parquet')}'`);
    const other = await duckDb();
    await loadCanonicalFolder(other.connection, parquet);
    const all = 'SELECT * FROM opportunities ORDER BY opportunity_id';
    expect(await rows(other, all)).toEqual(await rows(db, all));
    const touches = 'SELECT * FROM touchpoints ORDER BY touchpoint_id';
    expect(await rows(other, touches)).toEqual(await rows(db, touches));
  });

  it('says which required file is missing', async () => {
    expect(await loadError({ 'opportunities.csv': OPPORTUNITIES })).toMatch(
      /has no touchpoints\.csv \(or touchpoints\.parquet\)/,
    );
  });

  it('says which required column a file lacks, and which columns it has', async () => {
    const message = await loadError({
      'opportunities.csv': OPPORTUNITIES,
      'touchpoints.csv': 'touchpoint_id,occurred_at,channel\nT1,2024-01-01,email',
    });
    expect(message).toBe(
      'touchpoints.csv has no column contact_id or account_id (its columns: touchpoint_id, occurred_at, channel)',
    );
  });

  it('names the file, line and column of a cell of the wrong type, with the value', async () => {
    const message = await loadError({
      'opportunities.csv': [
        'opportunity_id,account_id,stage,amount,created_at,closed_at',
        'O1,A1,won,1000,2024-03-01,2024-03-31',
        'O2,A1,won,"$1,000",2024-03-01,3/31/2024',
        'O3,A1,,-5,2024-03-01,2024-03-31',
      ].join('\n'),
      'touchpoints.csv': TOUCHPOINTS,
    });
    expect(message.split('\n')).toEqual([
      'opportunities.csv has problems Tributary cannot read past:',
      '  opportunities.csv line 4, column stage: stage is blank',
      '  opportunities.csv line 3, column amount: "$1,000" is not an amount written as a plain non-negative number (12500.00) (and 1 more row)',
      '  opportunities.csv line 3, column closed_at: "3/31/2024" is not an ISO 8601 date or time (2024-03-01, 2024-03-01T09:30:00+02:00) or UTC milliseconds',
    ]);
  });

  it('refuses an id given twice, naming both lines', async () => {
    const message = await loadError({
      'opportunities.csv': OPPORTUNITIES,
      'touchpoints.csv': `${TOUCHPOINTS}\nT1,,A2,2024-03-01,web`,
    });
    expect(message).toBe(
      'touchpoints.csv: touchpoint_id "T1" is given twice (line 2 and line 4); each row needs its own id',
    );
  });

  it("passes on DuckDB's line for a row it cannot parse", async () => {
    const message = await loadError({
      'opportunities.csv': OPPORTUNITIES,
      'touchpoints.csv': `${TOUCHPOINTS}\nT3,,A1,2024-03-01,web,extra`,
    });
    expect(message).toMatch(
      /^touchpoints\.csv could not be read: CSV Error on Line: 4; Expected Number of Columns: 5 Found: 6$/,
    );
  });
});
