import type { Dataset } from '../arrays/dataset';
import { int32At } from '../arrays/read';
import { fieldKindOf, type CustomFieldSource, type ScopeFieldKind } from './scope';

/**
 * One custom field's value for every opportunity, as dense ids into `names` ('' = no value), for a breakdown by it:
 * the opportunity's field, else its account's (as a scope reads it).
 */
export interface OpportunityFieldValues {
  field: string;
  kind: ScopeFieldKind;
  /** Per opportunity index, the index of its value in `names`. */
  ofOpportunity: Int32Array;
  names: string[];
}

const fieldValuesCache = new WeakMap<CustomFieldSource, Map<string, OpportunityFieldValues>>();

/**
 * The values of `field` per opportunity of `data`, kept per field source (the engine's source lives as long as its
 * loaded project, whose data it was read for): a weight change with a breakdown by a field reads no table.
 */
export function opportunityFieldValues(
  data: Dataset,
  fields: CustomFieldSource,
  field: string,
): OpportunityFieldValues {
  let byField = fieldValuesCache.get(fields);
  if (!byField) fieldValuesCache.set(fields, (byField = new Map()));
  const kept = byField.get(field);
  if (kept && kept.ofOpportunity.length === data.opportunities.count) return kept;
  const kind = fieldKindOf(field, fields);
  const values = fields.values(kind, field);
  const opps = data.opportunities;
  const ids = new Map<string, number>([['', 0]]);
  const names = [''];
  const ofOpportunity = new Int32Array(opps.count);
  for (let o = 0; o < opps.count; o++) {
    const id = kind === 'opportunities' ? opps.id[o] : data.accounts.values[int32At(opps.account, o)];
    const value = (id === undefined ? undefined : values.get(id)) ?? '';
    let dense = ids.get(value);
    if (dense === undefined) {
      ids.set(value, (dense = names.length));
      names.push(value);
    }
    ofOpportunity[o] = dense;
  }
  const read = { field, kind, ofOpportunity, names };
  byField.set(field, read);
  return read;
}
