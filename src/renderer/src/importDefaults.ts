import type { OpportunityType, Stage } from '../../shared/importSpec';
import { mapOpportunityType, mapStage } from '../../shared/values/categories';

/**
 * The stage or type a word gets, from the mapping's value map or else data.md's rules: the very functions the
 * import engine uses, so the wizard shows what the import will store.
 */
export function stageOf(word: string, overrides?: Record<string, Stage>): Stage {
  const parsed = mapStage(word, overrides);
  return parsed.ok ? parsed.value : 'open';
}

export function opportunityTypeOf(word: string, overrides?: Record<string, OpportunityType>): OpportunityType {
  const parsed = mapOpportunityType(word, overrides);
  return parsed.ok ? parsed.value : 'new_business';
}

/** The value map with `word` set to `value`, or without it when `value` is what the default rule gives anyway. */
export function withValue<T extends string>(
  map: Record<string, T> | undefined,
  word: string,
  value: T,
  fallback: T,
): Record<string, T> | undefined {
  const key = word.trim().toLowerCase();
  const rest = Object.fromEntries(Object.entries(map ?? {}).filter(([from]) => from.trim().toLowerCase() !== key));
  const next = value === fallback ? rest : { ...rest, [word]: value };
  return Object.keys(next).length > 0 ? (next as Record<string, T>) : undefined;
}
