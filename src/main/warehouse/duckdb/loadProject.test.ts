import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { endOf, writeProjectFile } from '../../../../test/engine/build';
import { useTempDir } from '../../../../test/helpers/files';
import { KIND_SPECS } from '../../../shared/importSpec';
import { DATA_KINDS } from '../../../shared/kinds';
import { quoteIdentifier } from './canonicalTables';
import { loadProjectTables } from './loadProject';
import { openEmbeddedDuckDb, type EmbeddedDuckDb } from './open';

const tempDir = useTempDir();
const opened: EmbeddedDuckDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

const ODD_ID = `T'1";DROP TABLE touchpoints;--`;

function project(): string {
  return writeProjectFile(
    join(tempDir(), 'p.sqlite'),
    { name: 'P', currency: 'EUR' },
    {
      accounts: [{ account_id: 'A1', domain: 'acme.com', segment: 'Enterprise' }],
      contacts: [{ contact_id: 'C1', account_id: 'A1', email: 'ann@acme.com', lead_created_at: endOf('2024-02-15') }],
      opportunities: [
        {
          opportunity_id: 'O1',
          account_id: 'A1',
          type: 'upgrade',
          stage: 'won',
          amount: 1234.5,
          created_at: endOf('2024-03-01'),
          closed_at: endOf('2024-03-31'),
        },
      ],
      touchpoints: [
        { touchpoint_id: ODD_ID, contact_id: 'C1', occurred_at: Date.parse('2024-01-10T09:30:00Z'), channel: 'ads' },
        { touchpoint_id: 'T2', account_id: 'A1', occurred_at: Date.parse('2024-02-10T00:00:00Z'), channel: 'web' },
      ],
      community_members: [{ member_id: 'M1', email: 'ann@acme.com' }],
      community_actions: [
        { action_id: 'X1', member_id: 'M1', occurred_at: Date.parse('2024-02-01T00:00:00Z'), action_type: 'post' },
      ],
      features: [{ feature_id: 'F1', shipped_at: Date.parse('2024-02-01T00:00:00Z') }],
      opportunity_features: [{ opportunity_id: 'O1', feature_id: 'F1' }],
    },
  );
}

describe('a project file handed to DuckDB', () => {
  it("gives DuckDB every canonical table with exactly the project's rows and values", async () => {
    const path = project();
    const db = await openEmbeddedDuckDb({ threads: 1 });
    opened.push(db);
    const facts = await loadProjectTables(db.connection, path);
    expect(facts).toEqual({ currency: 'EUR', groupRules: 0, migrated: null });
    const sqlite = new Database(path, { readonly: true });
    try {
      for (const kind of DATA_KINDS) {
        const columns = KIND_SPECS[kind].columns.map((column) => quoteIdentifier(column.name)).join(', ');
        const expected = sqlite.prepare(`SELECT ${columns} FROM ${kind} ORDER BY 1, 2`).raw().all();
        const got = (await db.connection.runAndReadAll(`SELECT ${columns} FROM ${kind} ORDER BY 1, 2`)).getRowsJS();
        // BIGINT times come back as bigint: compare them as numbers.
        const asNumbers = got.map((row) => row.map((value) => (typeof value === 'bigint' ? Number(value) : value)));
        expect(asNumbers, kind).toEqual(expected);
      }
    } finally {
      sqlite.close();
    }
    const [odd] = (
      await db.connection.runAndReadAll('SELECT touchpoint_id FROM touchpoints WHERE channel = $1', ['ads'])
    ).getRows();
    expect(odd).toEqual([ODD_ID]);
  });
});
