import { expect } from 'vitest';
import { UsageError } from '../../src/main/cli/args';

/** The message of the usage error `run` throws; the test fails when it throws something else, or nothing. */
export function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error('expected a usage error');
}
