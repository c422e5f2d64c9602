import { TributaryError } from '../../shared/errors';
import { customPatch, MAX_CUSTOM_VALUE, type CustomColumn } from '../../shared/customFields';
import { KIND_SPECS, type ColumnSpec, type ImportMapping } from '../../shared/importSpec';
import {
  mapActionType,
  mapOpportunityType,
  mapStage,
  normalizeDomain,
  normalizeEmail,
  parseAmount,
  parseDate,
  parseInteger,
  type Parsed,
} from './values';

export type Cell = string | number | null;

export interface CellIssue {
  /** The file's header of the column, as the user sees it; null for a rule about the whole row. */
  column: string | null;
  reason: string;
}

export type RowOutcome =
  { ok: true; values: Cell[]; warnings: CellIssue[] } | { ok: false; errors: CellIssue[]; warnings: CellIssue[] };

/** How one file's rows become one kind's rows: which stored columns it fills and how each cell converts. */
export interface RowPlan {
  kind: ImportMapping['kind'];
  /** Stored columns this file writes, in the order of `RowOutcome.values`. */
  columns: string[];
  /** Stored columns that identify a row (upsert key). */
  key: string[];
  /** Stored columns filled only on insert (defaults), never overwritten by a re-import that lacks them. */
  insertOnly: string[];
  /** Whether the last stored column is `custom`, the row's custom fields as a JSON merge patch (schema 0004). */
  custom: boolean;
  /** Custom fields that had a value in a row converted so far. */
  filledCustomFields: Set<string>;
  convert(fields: string[]): RowOutcome;
}

interface Step {
  spec: ColumnSpec;
  header: string;
  index: number;
}

/** Stored companion columns keeping the CRM's own word next to the mapped value (schema 0001). */
const RAW_COMPANION: Partial<Record<string, string>> = {
  type: 'type_raw',
  stage: 'stage_raw',
  action_type: 'action_type_raw',
};
/** An open deal's blank amount is stored as 0 with this flag set (schema 0004, data.md: unvalued pipeline). */
const AMOUNT_MISSING = 'amount_missing';

/**
 * Builds the conversion for a file. Fails at once, before any row is read, when a required column has no header
 * or a mapped header is not in the file: a whole-file problem gets one message, not one per row.
 */
export function buildRowPlan(
  mapping: ImportMapping,
  headers: string[],
  customColumns: readonly CustomColumn[] = [],
): RowPlan {
  const spec = KIND_SPECS[mapping.kind];
  const position = new Map(headers.map((header, index) => [header, index] as const));
  const steps: Step[] = [];
  for (const column of spec.columns) {
    const header = mapping.columns[column.name];
    if (header === undefined) continue;
    const index = position.get(header);
    if (index === undefined) {
      throw new TributaryError(
        'bad_request',
        `The mapping takes ${column.name} from a column "${header}" that the file does not have.`,
      );
    }
    steps.push({ spec: column, header, index });
  }
  const mapped = new Set(steps.map((step) => step.spec.name));
  const missing = spec.columns.filter((column) => column.required && !mapped.has(column.name)).map((c) => c.name);
  for (const group of spec.oneOf ?? []) {
    if (!group.some((name) => mapped.has(name))) missing.push(group.join(' or '));
  }
  if (missing.length > 0) {
    throw new TributaryError(
      'bad_request',
      `The file has no column for ${missing.join(', ')}, required for ${mapping.kind}; map a column to it.`,
    );
  }
  const typeDefaulted = mapping.kind === 'opportunities' && !mapped.has('type');
  const columns = steps.flatMap((step) => {
    const raw = RAW_COMPANION[step.spec.name];
    if (raw) return [step.spec.name, raw];
    return step.spec.blankAllowed ? [step.spec.name, AMOUNT_MISSING] : [step.spec.name];
  });
  if (typeDefaulted) columns.push('type');
  const custom = customColumns.length > 0;
  if (custom) columns.push('custom');
  const filledCustomFields = new Set<string>();
  const checkRowRules = rowRules(mapping.kind, columns, steps);

  function convert(fields: string[]): RowOutcome {
    const values: Cell[] = [];
    const errors: CellIssue[] = [];
    const warnings: CellIssue[] = [];
    for (const step of steps) {
      const text = (fields[step.index] ?? '').trim();
      const result = convertCell(step.spec, text, mapping);
      if (!result.ok) {
        errors.push({ column: step.header, reason: result.reason });
        values.push(null);
      } else {
        if (result.warning) warnings.push({ column: step.header, reason: result.warning });
        values.push(result.value);
      }
      if (RAW_COMPANION[step.spec.name]) values.push(text === '' ? null : text);
      else if (step.spec.blankAllowed) values.push(text === '' ? 1 : 0);
    }
    if (typeDefaulted) values.push('new_business');
    checkRowRules(values, errors);
    if (custom) {
      const { patch, cut } = customPatch(customColumns, fields, errors.length > 0 ? new Set() : filledCustomFields);
      for (const column of cut) {
        warnings.push({ column: column.header, reason: `value cut to its first ${MAX_CUSTOM_VALUE} characters` });
      }
      values.push(patch);
    }
    return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, values, warnings };
  }

  return {
    kind: mapping.kind,
    columns,
    key: spec.key,
    insertOnly: typeDefaulted ? ['type'] : [],
    custom,
    filledCustomFields,
    convert,
  };
}

function convertCell(spec: ColumnSpec, text: string, mapping: ImportMapping): Parsed<Cell> {
  if (text === '') {
    // spec data.md: a blank type is new business.
    if (spec.type === 'opportunityType') return mapOpportunityType('', mapping.typeValues);
    return spec.required && !spec.blankAllowed
      ? { ok: false, reason: `${spec.name} is required but empty` }
      : { ok: true, value: null };
  }
  switch (spec.type) {
    case 'id':
    case 'text':
      return { ok: true, value: text };
    case 'email':
      return normalizeEmail(text);
    case 'domain':
      return normalizeDomain(text);
    case 'integer':
      return parseInteger(text);
    case 'amount':
      return parseAmount(text, mapping.formats.decimalComma);
    case 'milestoneDate':
      return parseDate(text, mapping.formats.dateOrder, 'milestone');
    case 'eventDate':
      return parseDate(text, mapping.formats.dateOrder, 'event');
    case 'stage':
      return mapStage(text, mapping.stageValues);
    case 'opportunityType':
      return mapOpportunityType(text, mapping.typeValues);
    case 'actionType':
      return mapActionType(text);
  }
}

/**
 * Rules across cells of one row, with the columns they read looked up once per file rather than once a row: a
 * million-row import called these lookups (and made their closures) a million times (issue 16).
 */
function rowRules(kind: string, columns: string[], steps: Step[]): (values: Cell[], errors: CellIssue[]) => void {
  const at = (name: string): number => columns.indexOf(name);
  // The file's own header, so the user finds the cell; a rule about columns the file lacks names none of them.
  const headerOf = (...names: string[]): string | null =>
    names.map((name) => steps.find((step) => step.spec.name === name)?.header).find((h) => h !== undefined) ?? null;
  if (kind === 'touchpoints') {
    const contact = at('contact_id');
    const account = at('account_id');
    const column = headerOf('contact_id', 'account_id');
    return (values, errors) => {
      if (!(contact === -1 ? undefined : values[contact]) && !(account === -1 ? undefined : values[account])) {
        errors.push({ column, reason: 'a touchpoint needs a contact_id or an account_id' });
      }
    };
  }
  if (kind === 'opportunities') {
    const stageAt = at('stage');
    const missingAt = at(AMOUNT_MISSING);
    const amountAt = at('amount');
    const closedAt = at('closed_at');
    const amountHeader = headerOf('amount');
    const closedHeader = headerOf('closed_at');
    return (values, errors) => {
      const stage = stageAt === -1 ? undefined : values[stageAt];
      // data.md: an open deal may have no amount yet (counted as 0, reported as unvalued); a closed one must have one.
      if (missingAt !== -1 && values[missingAt] === 1) {
        if (stage === 'won' || stage === 'lost') {
          errors.push({ column: amountHeader, reason: `a ${stage} opportunity needs an amount` });
        } else values[amountAt] = 0;
      }
      // spec attribution 3-4: journeys end at closed_at, so a closed deal without one cannot be credited.
      const closed = closedAt === -1 ? undefined : values[closedAt];
      if ((stage === 'won' || stage === 'lost') && closed == null && !errors.length) {
        errors.push({ column: closedHeader, reason: `a ${stage} opportunity needs a closed_at date` });
      }
    };
  }
  return () => {};
}
