/**
 * An open step's deadline under another policy: recomputed from the step's stored basis (the
 * `step.opened` entry's `deadlineFrom` and facts), with its pauses left out, as a resume does
 * (step-clock.ts). Used by the impact preview and by a publish that recomputes open steps.
 */
import type { TimelineEntry } from '../../core/cases/case.ts';
import { toInstant } from '../../core/cases/instant.ts';
import type { StepRecord } from '../../core/cases/step.ts';
import { due } from '../../core/deadline/due.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import { deadlineBasisOf } from './step-deadline.ts';
import { policyForStep } from '../../core/deadline/policy-for-step.ts';

export type RecomputeOutcome =
  | { kind: 'deadline'; due: string; warnAt?: string; provisional: boolean }
  /** The step has no deadline under the policy, or cannot be recomputed (a pickup batch under a pause, a step the policy lacks): it keeps its own. */
  | { kind: 'kept'; reason: string };

/** `now` closes a pause still running, so a paused step's figure reads as if it resumed now. */
export function recomputeStep(policy: CompiledPolicy, step: StepRecord, timeline: readonly TimelineEntry[], now: number): RecomputeOutcome {
  if (step.due === undefined) return { kind: 'kept', reason: 'the step has no deadline' };
  const basis = deadlineBasisOf(timeline, step) ?? { from: step.openedAt, facts: {} };
  const running = step.pausedNow ? [{ from: step.pausedNow.from, to: toInstant(now) }] : [];
  const pauses = [...step.pauses, ...running].map((p) => ({ start: Date.parse(p.from), end: Date.parse(p.to) })).filter((p) => p.end > p.start);
  try {
    const result = due(step.step, Date.parse(basis.from), basis.facts, pauses, policyForStep(policy, step), { explain: false });
    if (result.due === null) return { kind: 'kept', reason: 'no deadline under this policy' };
    return { kind: 'deadline', due: toInstant(result.due), ...(result.warnAt !== null ? { warnAt: toInstant(result.warnAt) } : {}), provisional: result.provisional };
  } catch (error) {
    return { kind: 'kept', reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
