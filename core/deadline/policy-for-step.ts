/**
 * The policy a step's deadline is computed on. A step opened for another role than its policy
 * names — the manager's `order.hold-approve` beside the supervisor's (service-standards.md §12
 * Holds: each approval has its own on-duty SLA) — keeps the policy's rule on its own role's
 * calendar, when it opens, when a pause ends, when a version is published and when it is explained.
 */
import type { CompiledPolicy } from './types.ts';

export function policyForStep(policy: CompiledPolicy, step: { step: string; role: string }): CompiledPolicy {
  const stepPolicy = policy.steps.get(step.step);
  if (stepPolicy === undefined || stepPolicy.role === step.role || !policy.roles.has(step.role)) return policy;
  return { ...policy, steps: new Map(policy.steps).set(step.step, { ...stepPolicy, role: step.role }) };
}
