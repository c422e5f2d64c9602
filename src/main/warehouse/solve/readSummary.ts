import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { TributaryError } from '../../../shared/errors';
import type { PathSet } from '../../engine/models/paths';
import { statInputFile } from '../../store/filePaths';

/** How `tributary attribute --paths` joins a path's channels (export/pathsCsv.ts); the SQL writes JSON arrays. */
const ARROW = ' > ';

/** A path summary read for a solver: the paths (with counts) over channel ids, and the channel of each id. */
export interface PathSummary {
  channels: string[];
  paths: PathSet;
  /** Rows that stood for at least one journey, and the journeys (conversions + nulls) they stand for. */
  rows: number;
  journeys: number;
  /** Whether the rows give each journey's channel order (`path`) or only its set of channels (`channel_set`). */
  ordered: boolean;
}

/**
 * Reads a path summary CSV (spec 6): one row per distinct path, with `conversions` (won journeys) and `nulls` (lost
 * ones), as the generated SQL's tributary_path_summary holds it (`path` and `channel_set` JSON arrays of channels)
 * or as `tributary attribute --paths` writes it (`path` with the channels joined by " > "). `value` is not needed
 * by the solvers. Bad rows are refused with their line and column.
 */
export function readPathSummary(path: string): PathSummary {
  statInputFile(path, { noun: 'path summary', kind: 'a path summary CSV' });
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [header = [], ...records] = parsed.data;
  const at = (name: string): number => header.findIndex((cell) => cell.trim().toLowerCase() === name);
  const pathColumn = at('path') >= 0 ? at('path') : at('channel_set');
  const missing = [
    ...(pathColumn < 0 ? ['path (or channel_set)'] : []),
    ...['conversions', 'nulls'].filter((name) => at(name) < 0),
  ];
  if (missing.length > 0) {
    throw new TributaryError(
      'bad_request',
      `${path} has no column ${missing.join(', no column ')}: a path summary has path (or channel_set), conversions and nulls`,
    );
  }
  const ordered = at('path') >= 0;
  const columnName = ordered ? 'path' : 'channel_set';
  // papaparse counts records, not lines; a summary's paths never span lines, so the header is line 1.
  const rows = records.map((record, i) => ({
    path: channelsOf(record[pathColumn] ?? '', `${path} line ${i + 2}, column ${columnName}`),
    conversions: count(record[at('conversions')], `${path} line ${i + 2}, column conversions`),
    nulls: count(record[at('nulls')], `${path} line ${i + 2}, column nulls`),
  }));
  return pathSummaryOf(rows, ordered);
}

/** One row of a path summary: a path (or a channel set) and the won and lost journeys it stands for. */
export interface SummaryRow {
  path: readonly string[];
  conversions: number;
  nulls: number;
}

/**
 * The paths with counts the solvers take (models/paths.ts) from summary rows: each row a converting path counted
 * `conversions` times and a null path counted `nulls` times. A row whose path is empty, or that counts no journey,
 * plays no part (spec 6) and is skipped.
 */
export function pathSummaryOf(rows: Iterable<SummaryRow>, ordered: boolean): PathSummary {
  const ids = new Map<string, number>();
  const channels: number[] = [];
  const offsets = [0];
  const converted: number[] = [];
  const counts: number[] = [];
  let used = 0;
  let journeys = 0;
  for (const { path, conversions, nulls } of rows) {
    if (path.length === 0 || conversions + nulls === 0) continue;
    used++;
    journeys += conversions + nulls;
    const channelIds = path.map((name) => {
      let id = ids.get(name);
      if (id === undefined) ids.set(name, (id = ids.size));
      return id;
    });
    for (const [outcome, count] of [
      [1, conversions],
      [0, nulls],
    ] as const) {
      if (count === 0) continue;
      for (const id of channelIds) channels.push(id);
      offsets.push(channels.length);
      converted.push(outcome);
      counts.push(count);
    }
  }
  return {
    channels: [...ids.keys()],
    paths: {
      channelCount: ids.size,
      channels: Int32Array.from(channels),
      offsets: Int32Array.from(offsets),
      converted: Uint8Array.from(converted),
      counts: Float64Array.from(counts),
    },
    rows: used,
    journeys,
    ordered,
  };
}

function channelsOf(cell: string, where: string): string[] {
  const text = cell.trim();
  if (!text.startsWith('[')) return text === '' ? [] : text.split(ARROW);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new TributaryError(
      'bad_request',
      `${where}: ${JSON.stringify(text.slice(0, 60))} is not a JSON array of channels`,
    );
  }
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    throw new TributaryError('bad_request', `${where}: a path is a JSON array of channel names (strings)`);
  }
  return value;
}

function count(cell: string | undefined, where: string): number {
  const text = (cell ?? '').trim();
  const value = /^\d+(\.0+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value)) {
    throw new TributaryError(
      'bad_request',
      `${where}: ${JSON.stringify(text)} is not a count of journeys (a whole number)`,
    );
  }
  return value;
}
