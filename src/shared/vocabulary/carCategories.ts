import type { CarResult } from '../results';

/**
 * The measures of community-attributed revenue (spec 7). Churn reduction has one measure of its own: the revenue
 * engaged accounts retained over the others.
 */
export type CarMeasureName = 'attributed' | 'influenced' | 'sourced' | 'retained';

/**
 * The categories of CAR (spec 7), in the order every view lists them: `field` is the category's entry in
 * `CarResult.byCategory`, `measures` the ones it has, in the order shown, and `key` names its rows (a compared
 * measure is `${key}-${measure}`). A category added here appears in the Model tab, the comparison, the report and
 * the CLI.
 */
export const CAR_CATEGORIES = [
  {
    key: 'internal_referral',
    field: 'internal_referral',
    label: 'Internal referral',
    measures: ['attributed', 'sourced'],
  },
  {
    key: 'external_referral',
    field: 'external_referral',
    label: 'External referral',
    measures: ['attributed', 'sourced'],
  },
  { key: 'job_move', field: 'job_move', label: 'Job move', measures: ['attributed', 'sourced'] },
  { key: 'upgrade', field: 'upgrade', label: 'Upgrades', measures: ['attributed', 'influenced', 'sourced'] },
  { key: 'roadmap', field: 'roadmap', label: 'Roadmap', measures: ['attributed', 'influenced'] },
  { key: 'churn', field: 'churn_reduction', label: 'Churn reduction', measures: ['retained'] },
  { key: 'engagement', field: 'engagement', label: 'Engagement', measures: ['attributed'] },
] as const satisfies readonly {
  key: string;
  field: keyof CarResult['byCategory'];
  label: string;
  measures: readonly CarMeasureName[];
}[];

export type CarCategory = (typeof CAR_CATEGORIES)[number];

/**
 * What any form of a CAR result holds by category (the engine's, the Model tab's view, a comparison's measures):
 * at least each category's measures.
 */
export type CarCategoryValues = {
  [C in CarCategory as C['field']]: Record<C['measures'][number], number>;
};

/** A category's value of one of its measures. */
export function carMeasure<C extends CarCategory>(
  byCategory: CarCategoryValues,
  category: C,
  measure: C['measures'][number],
): number {
  return (byCategory[category.field] as Record<CarMeasureName, number>)[measure];
}

/** The columns of a CAR-by-category table, one row per category. */
export const CAR_COLUMNS = ['attributed', 'influenced', 'sourced'] as const;
export type CarColumn = (typeof CAR_COLUMNS)[number];

/**
 * A category's row of a CAR-by-category table: null where it has no such measure. Churn reduction's retained
 * revenue is the revenue it attributes to the community, so it goes under Attributed.
 */
export function carColumns(byCategory: CarCategoryValues, category: CarCategory): Record<CarColumn, number | null> {
  const measures: readonly CarMeasureName[] = category.measures;
  const value = (measure: CarMeasureName) =>
    measures.includes(measure) ? carMeasure(byCategory, category, measure) : null;
  return {
    attributed: value('attributed') ?? value('retained'),
    influenced: value('influenced'),
    sourced: value('sourced'),
  };
}
