/**
 * Escalating a step (service-standards.md §9): the target from the policy's `escalation.levels`
 * (core/cases/escalation.ts) and the timeline entry every escalation leaves, with its level.
 */
import type { Instant } from '../../core/cases/case.ts';
import { escalationTarget } from '../../core/cases/escalation.ts';
import { toInstant } from '../../core/cases/instant.ts';
import type { CaseRepository } from '../../core/cases/repository.ts';
import type { StepRecord } from '../../core/cases/step.ts';
import type { EscalateTo } from '../../core/cases/transitions.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';

/** Where a breach at `at` escalates: the first level on duty, else the first level at its next shift. */
export function breachEscalation(policy: Pick<CompiledPolicy, 'escalation'>, at: Instant): EscalateTo {
  const target = escalationTarget(policy.escalation.levels, Date.parse(at));
  if (target === undefined) throw new RangeError('the policy has no escalation level'); // the schema requires one
  return { role: target.role, level: target.level, seenAt: toInstant(target.seenAt) };
}

/** Records an escalation on the case's timeline (`step.escalated`, idempotent per step attempt and instant), with the on-duty `person` of the level when rostered (issue 23). */
export async function recordEscalation(repository: Pick<CaseRepository, 'appendTimeline'>, step: StepRecord, person?: string): Promise<void> {
  const e = step.escalation;
  if (e === undefined || step.escalatedTo === undefined) return;
  await repository.appendTimeline(step.caseId, {
    id: `step.escalated#${step.step}#${step.attempt}#${e.at}`,
    at: e.at,
    kind: 'step.escalated',
    step: step.step,
    ...(e.by !== undefined ? { by: e.by } : {}),
    detail: { role: step.escalatedTo, level: e.level, seenAt: e.seenAt, ...(e.reason !== undefined ? { reason: e.reason } : e.warning ? { warning: true } : { breach: true }), ...(person !== undefined ? { person } : {}) },
  });
}
