/**
 * How a step's deadline was computed, kept on the case timeline when the step opens (entry
 * `step.opened`), so that a resume can recompute it with the paused time excluded.
 */
import type { Instant, TimelineEntry } from '../../core/cases/case.ts';
import type { StepRef } from '../../core/cases/step.ts';

export interface DeadlineBasis {
  /** The instant the deadline counts from (the opening, or the request's `deadlineFrom`). */
  from: Instant;
  facts: Record<string, string>;
}

export const STEP_OPENED = 'step.opened';

export function stepOpenedEntryId(ref: StepRef): string {
  return `${STEP_OPENED}#${ref.step}#${ref.attempt}`;
}

/** The basis recorded for `ref`, if its opening was recorded. */
export function deadlineBasisOf(timeline: readonly TimelineEntry[], ref: StepRef): DeadlineBasis | undefined {
  const entry = timeline.find((e) => e.id === stepOpenedEntryId(ref));
  const detail = entry?.detail;
  if (!detail || typeof detail.deadlineFrom !== 'string') return undefined;
  const facts = detail.facts !== null && typeof detail.facts === 'object' ? (detail.facts as Record<string, unknown>) : {};
  return {
    from: detail.deadlineFrom,
    facts: Object.fromEntries(Object.entries(facts).filter((e): e is [string, string] => typeof e[1] === 'string')),
  };
}
