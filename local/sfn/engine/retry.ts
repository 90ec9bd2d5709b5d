import type { Catcher, Retrier } from '../asl/types.ts';

const TIMEOUTS = new Set(['States.Timeout', 'States.HeartbeatTimeout']);

/** AWS's ErrorEquals semantics: States.ALL matches everything catchable; States.TaskFailed everything but timeouts and query errors. */
export function errorMatches(errorEquals: readonly string[], error: string): boolean {
  return errorEquals.some(
    (name) =>
      name === error ||
      name === 'States.ALL' ||
      (name === 'States.TaskFailed' && !TIMEOUTS.has(error) && error !== 'States.QueryEvaluationError' && error !== 'States.DataLimitExceeded'),
  );
}

export function findRetrier(retriers: readonly Retrier[] | undefined, error: string): number {
  return retriers?.findIndex((r) => errorMatches(r.ErrorEquals, error)) ?? -1;
}

export function findCatcher(catchers: readonly Catcher[] | undefined, error: string): Catcher | undefined {
  return catchers?.find((c) => errorMatches(c.ErrorEquals, error));
}

/** The back-off before retry number `attempt + 1`: IntervalSeconds × BackoffRate^attempt, capped, optionally jittered. */
export function retryDelayMs(retrier: Retrier, attempt: number, random: () => number): number {
  const base = (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** attempt;
  const capped = retrier.MaxDelaySeconds === undefined ? base : Math.min(base, retrier.MaxDelaySeconds);
  const seconds = retrier.JitterStrategy === 'FULL' ? random() * capped : capped;
  return Math.round(seconds * 1000);
}
