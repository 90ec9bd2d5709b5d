/**
 * `npm start --workers <n>` / `LAMBDA_WORKERS`: where the handlers run. Absent: on worker threads,
 * one per available core (os.availableParallelism()) — bench:ingest measured it faster than the main
 * thread (docs/benchmarks.md); `0`: on the main thread, as the tests' platform runs them.
 */
import type { FunctionRuntime } from './runtime.ts';

export interface FunctionWorkers {
  functionRuntime: FunctionRuntime;
  /** Worker threads; absent: one per available core. */
  workers?: number;
}

/** The runtime for a `--workers` value; undefined when it is not a whole number from 0 to 64. */
export function functionWorkers(value: string | undefined): FunctionWorkers | undefined {
  if (value === undefined || value.trim() === '') return { functionRuntime: 'workers' };
  if (!/^\d+$/.test(value.trim()) || Number(value) > 64) return undefined;
  const count = Number(value);
  return count === 0 ? { functionRuntime: 'in-process' } : { functionRuntime: 'workers', workers: count };
}
