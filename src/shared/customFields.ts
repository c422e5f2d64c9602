import { KIND_SPECS } from './importSpec';
import type { DataKind } from './kinds';

/**
 * Custom fields (data.md): every column of an accounts, contacts, opportunities, touchpoints, community members or
 * community actions file that maps to no canonical column is kept with its row, under its header, so it can scope a
 * report, group a breakdown or feed a channel-group rule.
 */
export const CUSTOM_FIELD_KINDS = [
  'accounts',
  'contacts',
  'opportunities',
  'touchpoints',
  'community_members',
  'community_actions',
] as const satisfies readonly DataKind[];
export type CustomFieldKind = (typeof CUSTOM_FIELD_KINDS)[number];

/** data.md: at most 64 custom fields per kind; the rest are reported as ignored. */
export const MAX_CUSTOM_FIELDS = 64;
/** data.md: a longer value is cut to this many characters, with a warning. */
export const MAX_CUSTOM_VALUE = 1000;
/** A header is a field's name in every filter and menu; one longer than this is not a name (schema 0004). */
export const MAX_CUSTOM_NAME = 200;

export function hasCustomFields(kind: DataKind): kind is CustomFieldKind {
  return (CUSTOM_FIELD_KINDS as readonly string[]).includes(kind);
}

/** One column of the file kept as a custom field: where it is and the name it is kept under. */
export interface CustomColumn {
  index: number;
  header: string;
  name: string;
}

/** What a file's unmapped columns become: custom fields, renamed ones (with why) and ignored ones (with why). */
export interface CustomFieldPlan {
  columns: CustomColumn[];
  /** Said once on the header's line: a column kept under another name than its header, or not kept at all. */
  notices: { header: string; reason: string }[];
  /** Headers of columns neither mapped nor kept. */
  ignored: string[];
}

/**
 * Which of a file's columns become custom fields. A header that reads as a canonical column of its kind (case and
 * spacing aside) is kept as `<header> (custom)`, so a filter on it is never mistaken for the column itself (and
 * the import says so); a kind already holding `existing` fields takes new ones up to MAX_CUSTOM_FIELDS in header
 * order, and a header longer than MAX_CUSTOM_NAME is not a usable name: both are ignored with a reason.
 */
export function planCustomFields(
  kind: DataKind,
  headers: readonly string[],
  columns: Readonly<Record<string, string>>,
  existing: readonly string[],
): CustomFieldPlan {
  const mapped = new Set(Object.values(columns));
  const unmapped = headers.flatMap((header, index) => (mapped.has(header) ? [] : [{ header, index }]));
  const plan: CustomFieldPlan = { columns: [], notices: [], ignored: [] };
  if (!hasCustomFields(kind)) {
    plan.ignored = unmapped.map(({ header }) => header);
    return plan;
  }
  const canonical = new Set(KIND_SPECS[kind].columns.map(({ name }) => canonicalForm(name)));
  const known = new Set(existing);
  let room = MAX_CUSTOM_FIELDS - known.size;
  for (const { header, index } of unmapped) {
    const name = canonical.has(canonicalForm(header)) ? `${header} (custom)` : header;
    if (name.length > MAX_CUSTOM_NAME) {
      plan.ignored.push(header);
      plan.notices.push({
        header: header.slice(0, 40) + '...',
        reason: `column ${index + 1} is not imported: its header is longer than ${MAX_CUSTOM_NAME} characters`,
      });
      continue;
    }
    if (!known.has(name)) {
      if (room <= 0) {
        plan.ignored.push(header);
        plan.notices.push({
          header,
          reason: `column \`${header}\` is not imported: ${kind} already has ${MAX_CUSTOM_FIELDS} custom fields, the most a kind keeps`,
        });
        continue;
      }
      room--;
    }
    if (name !== header) {
      plan.notices.push({
        header,
        reason: `column \`${header}\` has the name of the ${kind} column \`${canonicalNameOf(kind, header)}\` but is not mapped to it; kept as the custom field \`${name}\``,
      });
    }
    plan.columns.push({ index, header, name });
  }
  return plan;
}

function canonicalForm(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function canonicalNameOf(kind: DataKind, header: string): string {
  return KIND_SPECS[kind].columns.find(({ name }) => canonicalForm(name) === canonicalForm(header))?.name ?? header;
}

/**
 * A row's custom fields as the JSON merge patch (RFC 7396) the store applies to what the row holds: a value cut to
 * MAX_CUSTOM_VALUE characters, and a blank cell as null, which clears the field on a re-import (data.md: blank =
 * none). `cut` lists the fields whose value was cut; the names of fields with a value are added to `filled`.
 */
export function customPatch(
  plan: readonly CustomColumn[],
  fields: readonly string[],
  filled: Set<string>,
): { patch: string; cut: CustomColumn[] } {
  // No prototype: a header named `__proto__` is a field like any other.
  const patch = Object.create(null) as Record<string, string | null>;
  const cut: CustomColumn[] = [];
  for (const column of plan) {
    const text = (fields[column.index] ?? '').trim();
    if (text === '') {
      patch[column.name] = null;
      continue;
    }
    filled.add(column.name);
    if (text.length > MAX_CUSTOM_VALUE) cut.push(column);
    patch[column.name] = text.length > MAX_CUSTOM_VALUE ? text.slice(0, MAX_CUSTOM_VALUE) : text;
  }
  return { patch: JSON.stringify(patch), cut };
}
