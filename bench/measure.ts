import { performance } from 'node:perf_hooks';

/** One measured case, printed as JSON by a case script and read by bench/run.ts. */
export interface CaseResult {
  name: string;
  detail: string;
  seconds: number;
  baseline: string;
  baselineSeconds: number;
  /** Peak resident memory of the case's own process. */
  peakRssMiB: number;
}

export function time<T>(work: () => T): { seconds: number; result: T } {
  const start = performance.now();
  const result = work();
  return { seconds: (performance.now() - start) / 1000, result };
}

export async function timeAsync<T>(work: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { seconds: (performance.now() - start) / 1000, result };
}

export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function emit(result: CaseResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
