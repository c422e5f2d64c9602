import type { ScopeSummary } from '../../../shared/modelApi';
import type { ReportScope } from '../../../shared/scope';
import { formatCount } from '../format';
import { OPPORTUNITY_TYPE_LABELS } from '../kindLabels';
import { normaliseScope, withoutFieldFilter } from './scopeEdits';

/** A filter value as the bar shows it: '' selects the rows without one (spec 9). */
export function valueLabel(value: string): string {
  return value === '' ? '(none)' : value;
}

const orList = (values: readonly string[]): string => values.map(valueLabel).join(' or ');

/** One active part of a scope, as a removable chip: what it selects, and the scope without it. */
export interface ScopeChip {
  key: string;
  label: string;
  without: ReportScope;
}

/** The scope's period and filters, one chip each, in the order the engine applies them. */
export function scopeChips(scope: ReportScope): ScopeChip[] {
  const chips: ScopeChip[] = [];
  if (scope.from !== undefined || scope.to !== undefined) {
    chips.push({
      key: 'period',
      label: `Period: ${scope.from ?? 'the beginning'} to ${scope.to ?? 'the end'}`,
      without: normaliseScope({ ...scope, from: undefined, to: undefined }),
    });
  }
  if (scope.segments?.length) {
    chips.push({
      key: 'segments',
      label: `Segment: ${orList(scope.segments)}`,
      without: normaliseScope({ ...scope, segments: undefined }),
    });
  }
  if (scope.types?.length) {
    chips.push({
      key: 'types',
      label: `Type: ${scope.types.map((type) => OPPORTUNITY_TYPE_LABELS[type]).join(' or ')}`,
      without: normaliseScope({ ...scope, types: undefined }),
    });
  }
  for (const filter of scope.fields ?? []) {
    chips.push({
      key: `field:${filter.field}`,
      label: `${filter.field}: ${orList(filter.values)}`,
      without: withoutFieldFilter(scope, filter.field),
    });
  }
  return chips;
}

const deals = (count: number): string => `${formatCount(count)} ${count === 1 ? 'deal' : 'deals'}`;

/** What a model run covers, beside its figures: `Scope: all time · 1,294 deals, 610 won`. */
export function scopeLine(scope: ScopeSummary): string {
  return `Scope: ${scope.label} · ${deals(scope.deals)}, ${formatCount(scope.wonDeals)} won`;
}

/**
 * Why a run has no figure to show, or null when it has won revenue to split: the filter that left no deal, or that
 * the deals left are all open or lost (spec 9). Zeros and an empty chart would read as a broken app.
 */
export function emptyScopeMessage(scope: ScopeSummary): string | null {
  if (scope.wonDeals > 0) return null;
  const where = scope.allTime ? 'in this project' : 'in this scope';
  if (scope.deals === 1) return `No won opportunity ${where}: its one deal is open or lost.`;
  if (scope.deals > 1) return `No won opportunity ${where}: its ${deals(scope.deals)} are all open or lost.`;
  if (scope.emptiedBy !== null) return `No won opportunity ${where}: ${scope.emptiedBy} left no deal.`;
  return `No won opportunity ${where}: ${scope.allTime ? 'import opportunities to see results' : 'it selects no deal'}.`;
}
