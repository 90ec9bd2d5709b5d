import type { Instant } from './case.ts';
import type { StepRecord } from './step.ts';

/**
 * Whether a step closed at `closedAt` met its deadline. A step without a deadline is always on
 * time; a step closed while paused is judged at the moment its clock stopped, because paused
 * time does not count.
 */
export function isOnTime(step: Pick<StepRecord, 'due' | 'breachedAt' | 'pausedNow'>, closedAt: Instant): boolean {
  if (step.breachedAt !== undefined) return false;
  if (step.due === undefined) return true;
  const clockStoppedAt = step.pausedNow?.from ?? closedAt;
  return Date.parse(clockStoppedAt) <= Date.parse(step.due);
}
