import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CarResult } from '../results';
import { CAR_CATEGORIES, carColumns, carMeasure, type CarCategory, type CarCategoryValues } from './carCategories';

const byCategory: CarCategoryValues = {
  internal_referral: { attributed: 1, sourced: 2 },
  external_referral: { attributed: 3, sourced: 4 },
  job_move: { attributed: 5, sourced: 6 },
  upgrade: { attributed: 7, influenced: 8, sourced: 9 },
  roadmap: { attributed: 10, influenced: 11 },
  churn_reduction: { retained: 12 },
  engagement: { attributed: 13 },
};

const category = (field: CarCategory['field']): CarCategory =>
  CAR_CATEGORIES.find((entry) => entry.field === field) as CarCategory;

describe('CAR categories', () => {
  it('name every category of the engine result once, and only those', () => {
    expectTypeOf<CarCategory['field']>().toEqualTypeOf<keyof CarResult['byCategory']>();
    expectTypeOf<CarResult['byCategory']>().toExtend<CarCategoryValues>();
    expect(new Set(CAR_CATEGORIES.map((entry) => entry.field)).size).toBe(CAR_CATEGORIES.length);
    expect(new Set(CAR_CATEGORIES.map((entry) => entry.key)).size).toBe(CAR_CATEGORIES.length);
  });

  it('read each measure from its category', () => {
    expect(CAR_CATEGORIES.flatMap((entry) => entry.measures.map((m) => carMeasure(byCategory, entry, m)))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
    ]);
  });

  it('fill the three columns of a table, retained revenue under attributed and null where there is no measure', () => {
    expect(carColumns(byCategory, category('internal_referral'))).toEqual({
      attributed: 1,
      influenced: null,
      sourced: 2,
    });
    expect(carColumns(byCategory, category('roadmap'))).toEqual({ attributed: 10, influenced: 11, sourced: null });
    expect(carColumns(byCategory, category('churn_reduction'))).toEqual({
      attributed: 12,
      influenced: null,
      sourced: null,
    });
  });
});
