import type { Method, Results, ValidArgs } from '../shared/api';

/** Handlers for some API methods: each gets its arguments already validated and answers its method's result. */
export type Handlers<M extends Method> = {
  [K in M]: (args: ValidArgs<K>) => Results[K] | Promise<Results[K]>;
};
