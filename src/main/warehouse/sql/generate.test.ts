import { describe, expect, it } from 'vitest';
import { SQL_DIALECTS, SqlOptionError } from './contract';
import { generateAttributionSql, generateSpreadSql, renderSqlScript } from './generate';

describe('the generated SQL script', () => {
  it.each(SQL_DIALECTS)(
    '%s: one CREATE TABLE or VIEW per object, each citing its spec and dropped as what it is, none ending in a comment',
    (dialect) => {
      for (const options of [{}, { scope: { from: '2024-01-01', segments: ["it's"] } }]) {
        const statements = [...generateAttributionSql(dialect, options), ...generateSpreadSql(dialect, 'markov')];
        for (const s of statements) {
          expect(s.specSection).not.toBe('');
          expect(s.sql.trim().split('\n').at(-1)).not.toMatch(/--/);
          expect(s.sql).not.toMatch(/;\s*$/);
        }
        const creates = statements.filter((s) => s.sql.startsWith('CREATE '));
        expect(new Set(creates.map((s) => s.name)).size).toBe(creates.length);
        for (const { name, view } of creates) {
          const kind = view ? 'VIEW' : 'TABLE';
          expect(statements.filter((s) => s.sql === `DROP ${kind} IF EXISTS "${name}"`)).toHaveLength(1);
        }
        const script = renderSqlScript(statements);
        expect(script).toContain(`CREATE TABLE "tributary_touch_credits" AS`);
        expect(script).toContain(`CREATE VIEW "tributary_credits" AS`);
        expect(script).toContain(`DROP VIEW IF EXISTS "tributary_credits"`);
      }
    },
  );

  it('writes option values only as checked literals, quotes doubled', () => {
    const sql = generateAttributionSql('postgres', { scope: { segments: ["x'); DROP TABLE accounts; --"] } })
      .map((s) => s.sql)
      .join('\n');
    expect(sql).toContain(`IN ('x''); DROP TABLE accounts; --')`);
  });

  it.each([
    [{ models: ['markov' as never] }, 'markov and shapley are solved on the path summary'],
    [{ scope: { fields: [] } as never }, 'does not filter by fields'],
    [{ halfLifeDays: Number.NaN }, 'half-life'],
    [{ lookbackDays: 1.5 }, 'lookback'],
    [{ weights: { FT: 0, LC: 0, OC: 0, CW: 0, MID: 0 } }, 'at least one weight'],
    [{ scope: { from: '2024-02-30' } }, 'YYYY-MM-DD'],
  ])('refuses %j naming what', (options, message) => {
    expect(() => generateAttributionSql('duckdb', options)).toThrow(SqlOptionError);
    expect(() => generateAttributionSql('duckdb', options)).toThrow(message);
  });
});
