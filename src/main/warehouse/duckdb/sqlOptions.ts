import { isAllTime } from '../../../shared/scope';
import type { ModelOptions } from '../../../shared/modelOptions';
import { SqlOptionError, type SqlCreditModel, type SqlDataDrivenModel, type SqlOptions } from '../sql/contract';

const BUILT_IN = 'run it without --engine duckdb (the built-in engine)';

export function isDataDriven(model: ModelOptions['model']): model is SqlDataDrivenModel {
  return model === 'markov' || model === 'shapley';
}

/**
 * The generated SQL's options for one model run (sql/contract.ts). A data-driven model credits through the path
 * summary and the spread statement; the script then only needs one cheap credit model (linear) for the CAR rows
 * that do not depend on the model (influenced, sourced). What the SQL path does not compute is refused, naming the
 * built-in engine, rather than answered with a figure that silently means something else.
 */
export function sqlOptionsFor(options: ModelOptions): SqlOptions {
  const { scope } = options;
  if (scope.fields?.length) {
    throw new SqlOptionError(`--where (custom fields) is not in the SQL path's scope: ${BUILT_IN}`);
  }
  if (options.roadmapShare > 0) {
    throw new SqlOptionError(
      `the SQL path does not compute roadmap CAR, so --roadmap-share has no effect: ${BUILT_IN}`,
    );
  }
  const model: SqlCreditModel = isDataDriven(options.model) ? 'linear' : options.model;
  return {
    models: [model],
    ...(options.model === 'custom' && options.weights ? { weights: options.weights } : {}),
    halfLifeDays: options.halfLifeDays,
    lookbackDays: options.lookbackDays,
    upgradePolicy: options.upgradePolicy,
    referralWindowDays: options.referralWindowDays,
    collapseRepeats: options.collapseRepeats,
    ...(isAllTime(scope)
      ? {}
      : {
          scope: {
            ...(scope.from !== undefined ? { from: scope.from } : {}),
            ...(scope.to !== undefined ? { to: scope.to } : {}),
            ...(scope.segments?.length ? { segments: scope.segments } : {}),
            ...(scope.types?.length ? { types: scope.types } : {}),
          },
        }),
  };
}
