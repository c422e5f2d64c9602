import type { CreatedTable, SqlStatement } from './contract';
import { ident } from './sqlText';

/** `CREATE TABLE "name" AS <query>`, one statement per object, named after it and citing its spec section. */
export function createTable(name: CreatedTable, specSection: string, query: string): SqlStatement {
  return { name, specSection, sql: `CREATE TABLE ${ident(name)} AS\n${query.trim()}` };
}

/** `CREATE VIEW "name" AS <query>`: an object read through, never stored (dropped with DROP VIEW). */
export function createView(name: CreatedTable, specSection: string, query: string): SqlStatement {
  return { name, specSection, view: true, sql: `CREATE VIEW ${ident(name)} AS\n${query.trim()}` };
}

/** A table of the script by its quoted name, so a reader sees at once which tables are inputs and which are made. */
export const T = (name: string): string => ident(name);
