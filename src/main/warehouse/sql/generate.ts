import {
  CREATED_TABLES,
  type GenerateAttributionSql,
  type GenerateSpreadSql,
  type RenderSqlScript,
  type SqlDataDrivenModel,
  type SqlDialect,
  type SqlOptions,
  type SqlStatement,
} from './contract';
import { carStatement } from './car';
import { carPositionStatements } from './carPositions';
import { creditStatements } from './credits';
import { dialectOf } from './dialect';
import { journeyStatement } from './journeys';
import { resolveSqlOptions } from './options';
import { pathSummaryStatement } from './pathSummary';
import { resolutionStatements } from './resolution';
import { revenueStatements } from './revenue';
import { sourcingStatements } from './sourcing';
import { spreadStatement } from './spread';
import { ident } from './sqlText';
import { scopeStatement, touchStatement } from './touches';

/**
 * The attribution script over the canonical tables (contract.ts): identity resolution, touches, scope, journeys,
 * per-touch credits, revenue, sourcing, CAR and the path summary, in dependency order, after dropping what an earlier
 * run made. Throws SqlOptionError for an option it does not implement or a bad value.
 */
export function generateAttributionSql(dialect: SqlDialect, options: SqlOptions = {}): SqlStatement[] {
  const d = dialectOf(dialect);
  const resolved = resolveSqlOptions(options);
  const statements = [
    ...resolutionStatements(d),
    touchStatement(),
    scopeStatement(resolved),
    journeyStatement(d, resolved),
    ...creditStatements(resolved),
    ...revenueStatements(),
    ...sourcingStatements(d, resolved),
    carStatement(resolved),
    ...carPositionStatements(resolved),
    pathSummaryStatement(d, resolved),
  ];
  return [...dropStatements(statements.slice().reverse()), ...statements];
}

/** The spread of channel weights onto touches (spec 6), run after the script once `channel_weights` is filled. */
export function generateSpreadSql(dialect: SqlDialect, model: SqlDataDrivenModel): SqlStatement[] {
  dialectOf(dialect); // the statement is the same in every dialect; the call checks the name
  const spread = spreadStatement(model);
  return [...dropStatements([spread]), spread];
}

function dropStatements(made: SqlStatement[]): SqlStatement[] {
  return made.map(({ name, view }) => ({
    name: `drop ${name}`,
    sql: `DROP ${view ? 'VIEW' : 'TABLE'} IF EXISTS ${ident(name)}`,
    specSection: 'a rerun replaces what an earlier run made',
  }));
}

/**
 * The script as text: a header, then each statement after a comment naming what it makes and its spec section. A
 * statement never ends in a line comment (it would swallow the `;`): generate.test.ts checks it.
 */
export function renderSqlScript(statements: SqlStatement[], dialect?: SqlDialect): string {
  const header = [
    `-- Tributary attribution${dialect ? ` (${dialect})` : ''}: generated SQL over the canonical tables.`,
    '-- Input: accounts, contacts, opportunities, touchpoints, community_members, community_actions; timestamps as',
    '-- UTC milliseconds (BIGINT), type, stage and action_type normalised. Creates the tributary_* tables.',
    '',
  ];
  const drops = statements.filter((s) => s.name.startsWith('drop '));
  const body = statements
    .filter((s) => !s.name.startsWith('drop '))
    .map((s) => `-- ${s.name} (${s.specSection})\n${s.sql};\n`);
  const dropBlock = drops.length > 0 ? [`-- ${drops[0]?.specSection}`, ...drops.map((s) => `${s.sql};`), ''] : [];
  return [...header, ...dropBlock, ...body].join('\n');
}

/** Every table the scripts can create, for a caller that cleans up. */
export const CREATED_TABLE_NAMES = Object.keys(CREATED_TABLES);

// The implementations are the contract's (contract.ts), checked by the compiler.
void ([generateAttributionSql, generateSpreadSql, renderSqlScript] satisfies [
  GenerateAttributionSql,
  GenerateSpreadSql,
  RenderSqlScript,
]);
