/** Reading one CSV cell into its column's type (spec data.md, attribution.md section 1). Pure: no I/O. */
export type { Parsed } from '../../shared/values/parsed';
export type { DateRole } from './values/dates';
export { parseDate } from './values/dates';
export { parseAmount, parseInteger } from './values/numbers';
export { normalizeDomain, normalizeEmail } from './values/addresses';
export { mapActionType, mapOpportunityType, mapStage } from '../../shared/values/categories';
