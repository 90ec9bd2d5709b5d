/**
 * How a step's deadline was computed, for the case page: the engine recomputes it from the basis
 * recorded when the step opened (step-deadline.ts) and the step's finished pauses — the same
 * inputs that gave its stored `due` — and tells it in English (the engine's lines) and Chinese.
 */
import type { TimelineEntry } from '../../core/cases/case.ts';
import { AUTOMATIC, type StepRecord } from '../../core/cases/step.ts';
import { due } from '../../core/deadline/due.ts';
import { explainZh, roleNameZh } from '../../core/deadline/explain-zh.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import { stepLabel } from '../../core/lifecycles/step-labels.ts';
import { deadlineBasisOf } from '../shared/step-deadline.ts';
import { policyForStep } from '../../core/deadline/policy-for-step.ts';

export interface DeadlineExplanation {
  zh: string[];
  en: string[];
}

/** Null for a step the policy does not know, or whose recorded basis the current policy cannot compute. */
export function deadlineExplanation(policyInForce: CompiledPolicy, step: StepRecord, timeline: readonly TimelineEntry[]): DeadlineExplanation | null {
  const policy = policyForStep(policyInForce, step);
  const stepPolicy = policy.steps.get(step.step);
  if (!stepPolicy) return null;
  const basis = deadlineBasisOf(timeline, step) ?? { from: step.openedAt, facts: {} };
  const pauses = step.pauses.map((p) => ({ start: Date.parse(p.from), end: Date.parse(p.to) })).filter((p) => p.end > p.start);
  let result: ReturnType<typeof due>;
  try {
    result = due(step.step, Date.parse(basis.from), basis.facts, pauses, policy, { explain: true });
  } catch {
    // A policy changed since the step opened (a fact no longer allowed, a rule that cannot pause): nothing true to show.
    return null;
  }
  const role = roleNameZh(policy.roles.get(stepPolicy.role)?.label, stepPolicy.role === AUTOMATIC ? '系统自动' : stepPolicy.role);
  return {
    en: result.explain,
    zh: explainZh({ stepLabel: stepLabel(step.step).zh, role, rule: stepPolicy.rule, facts: basis.facts, pauses, result, zone: policy.zone }),
  };
}
