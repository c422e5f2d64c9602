import { HEADER_ALIASES } from './importAliases';
import { KIND_SPECS } from './importSpec';
import { DATA_KINDS } from './kinds';
import type { DataKind } from './kinds';
import { nearestName } from './nearest';

/**
 * Recognising a file before it is imported (data.md: canonical headers import with no mapping, any other header is
 * mapped once): which kind it probably is, and which of its headers fill which canonical column. Pure, so the
 * import engine and the import wizard reach the same answer.
 */

/** Case, spaces, underscores, hyphens, dots, a BOM and surrounding quotes never tell two headers apart. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/\uFEFF/g, '')
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_.\-\u2010-\u2015]+/g, '');
}

export interface KindSuggestion {
  kind: DataKind;
  score: number;
  /** How many of the kind's columns the file's headers would fill. */
  matched: number;
  missingRequired: string[];
}

export interface AutoMapping {
  /** Canonical column → the file's header (as written in the file) that fills it. */
  columns: Record<string, string>;
  unmappedHeaders: string[];
  /** Required columns no header fills; a one-of group is one entry, e.g. `contact_id or account_id`. */
  missingRequired: string[];
  /** Columns several headers could fill; `headers` is in priority order and the first one was taken. */
  ambiguous: { column: string; headers: string[] }[];
}

interface HeaderMatch {
  column: string;
  columnIndex: number;
  /** 0 for the canonical name, then 1 + the alias's position. */
  rank: number;
}

type HeaderIndex = ReadonlyMap<string, readonly HeaderMatch[]>;

function buildIndex(kind: DataKind): HeaderIndex {
  const index = new Map<string, HeaderMatch[]>();
  const add = (header: string, match: HeaderMatch): void => {
    const key = normalizeHeader(header);
    const matches = index.get(key);
    if (matches) matches.push(match);
    else index.set(key, [match]);
  };
  KIND_SPECS[kind].columns.forEach(({ name }, columnIndex) => {
    add(name, { column: name, columnIndex, rank: 0 });
    (HEADER_ALIASES[kind][name] ?? []).forEach((alias, position) =>
      add(alias, { column: name, columnIndex, rank: position + 1 }),
    );
  });
  return index;
}

const INDEXES = Object.fromEntries(DATA_KINDS.map((kind) => [kind, buildIndex(kind)])) as Record<DataKind, HeaderIndex>;

/** Each required column is a group of one; a `oneOf` group (touchpoints' contact or account) counts once. */
function requiredGroups(kind: DataKind): string[][] {
  const spec = KIND_SPECS[kind];
  const inGroup = new Set((spec.oneOf ?? []).flat());
  const single = spec.columns.filter((column) => column.required && !inGroup.has(column.name));
  return [...single.map((column) => [column.name]), ...(spec.oneOf ?? [])];
}

const REQUIRED_GROUPS = Object.fromEntries(DATA_KINDS.map((kind) => [kind, requiredGroups(kind)])) as Record<
  DataKind,
  string[][]
>;

const groupsFound = (groups: string[][], columns: Record<string, string>): number =>
  groups.filter((group) => group.some((column) => column in columns)).length;

/**
 * `given` is a mapping's own columns (data.md, mappings): they are kept as they are, and only the columns they
 * leave open are auto-mapped, from the headers they leave free, so no header fills two columns.
 */
export function autoMap(kind: DataKind, headers: string[], given: Readonly<Record<string, string>> = {}): AutoMapping {
  const index = INDEXES[kind];
  const givenHeaders = new Set(Object.values(given));
  const candidates: (HeaderMatch & { headerIndex: number })[] = [];
  headers.forEach((header, headerIndex) => {
    if (givenHeaders.has(header)) return;
    for (const match of index.get(normalizeHeader(header)) ?? []) {
      if (!Object.hasOwn(given, match.column)) candidates.push({ ...match, headerIndex });
    }
  });
  // The strongest matches claim their header first: canonical names, then aliases by priority, then file order.
  candidates.sort((a, b) => a.rank - b.rank || a.columnIndex - b.columnIndex || a.headerIndex - b.headerIndex);

  const chosen = new Map<string, number>();
  const usedHeaders = new Set<number>();
  for (const candidate of candidates) {
    if (chosen.has(candidate.column) || usedHeaders.has(candidate.headerIndex)) continue;
    chosen.set(candidate.column, candidate.headerIndex);
    usedHeaders.add(candidate.headerIndex);
  }

  const columns: Record<string, string> = { ...given };
  const ambiguous: AutoMapping['ambiguous'] = [];
  for (const { name } of KIND_SPECS[kind].columns) {
    const taken = chosen.get(name);
    if (taken === undefined) continue;
    columns[name] = headers[taken] ?? '';
    // Rivals are the other headers that matched this column and were left over, not ones another column took.
    const rivals = candidates.filter(
      (candidate) =>
        candidate.column === name && candidate.headerIndex !== taken && !usedHeaders.has(candidate.headerIndex),
    );
    if (rivals.length > 0) {
      ambiguous.push({
        column: name,
        headers: [taken, ...rivals.map((rival) => rival.headerIndex)].map((i) => headers[i] ?? ''),
      });
    }
  }

  return {
    columns,
    unmappedHeaders: headers.filter(
      (header, headerIndex) => !usedHeaders.has(headerIndex) && !givenHeaders.has(header),
    ),
    missingRequired: REQUIRED_GROUPS[kind]
      .filter((group) => !group.some((column) => column in columns))
      .map((group) => group.join(' or ')),
    ambiguous,
  };
}

export interface UnmappedHeaderHint {
  /** The file's header, as written in the file. */
  header: string;
  /** The canonical column it is probably meant for. */
  column: string;
  /** What the user is told, the same in the CLI, the import report and the wizard. */
  reason: string;
}

/**
 * Headers no column takes that look like a typo of a column nothing fills (`domian` for `domain`): without a hint
 * the column is silently left out. A header a known export uses is never one (it is an alias that lost its column
 * to a better header), and a column another header already fills is never suggested.
 */
export function unmappedHeaderHints(
  kind: DataKind,
  headers: readonly string[],
  columns: Readonly<Record<string, string>>,
): UnmappedHeaderHint[] {
  const used = new Set(Object.values(columns));
  const open = KIND_SPECS[kind].columns.map(({ name }) => name).filter((name) => !(name in columns));
  return headers.flatMap((header) => {
    const normalized = normalizeHeader(header);
    if (used.has(header) || INDEXES[kind].has(normalized)) return [];
    const column = nearestName(normalized, open);
    if (column === undefined) return [];
    return [{ header, column, reason: `column \`${header}\` is not mapped: did you mean \`${column}\`?` }];
  });
}

// Required columns found decide (spec data.md `*`). Among kinds that have them all (an accounts key is also a
// reference column in contacts and opportunities; a bare `Id` fits every kind with one), the kind that explains more
// of the file wins: its share of the file's headers, and its count against the best kind's, which still separates
// kinds in a wide export where every share is small (a Discourse user export has some thirty columns).
const REQUIRED_WEIGHT = 0.65;
const SHARE_WEIGHT = 0.25;
const LEAD_WEIGHT = 0.1;

export function suggestKinds(headers: string[]): KindSuggestion[] {
  const normalized = headers.map(normalizeHeader).filter((header) => header !== '');
  const evidence = DATA_KINDS.map((kind) => {
    const mapping = autoMap(kind, headers);
    const required = REQUIRED_GROUPS[kind];
    return {
      kind,
      mapping,
      requiredShare: groupsFound(required, mapping.columns) / required.length,
      // A header that lost its column to a better one (Discourse's `username` beside `name`) still says what kind
      // of file this is.
      recognised: normalized.filter((header) => INDEXES[kind].has(header)).length,
    };
  });
  const mostRecognised = Math.max(0, ...evidence.map((entry) => entry.recognised));

  const suggestions = evidence.map(({ kind, mapping, requiredShare, recognised }): KindSuggestion => {
    const score =
      mostRecognised === 0
        ? 0
        : REQUIRED_WEIGHT * requiredShare +
          SHARE_WEIGHT * (recognised / normalized.length) +
          LEAD_WEIGHT * (recognised / mostRecognised);
    return {
      kind,
      score: Math.min(1, score),
      matched: Object.keys(mapping.columns).length,
      missingRequired: mapping.missingRequired,
    };
  });
  // Array.prototype.sort is stable, so equal kinds keep data.md's order.
  return suggestions.sort((a, b) => b.score - a.score || b.matched - a.matched);
}

/** The key a saved mapping is found by (data.md: mappings saved by name and header set): order and case ignored. */
export function headerSignature(headers: string[]): string {
  const normalized = new Set(headers.map(normalizeHeader).filter((header) => header !== ''));
  return [...normalized].sort().join('|');
}
