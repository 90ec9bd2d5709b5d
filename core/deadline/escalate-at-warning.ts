/**
 * Whether a step's warning escalates like a breach (service-standards.md §12 "Complaint kinds":
 * an urgent complaint "escalates at warning"; §9 for where an escalation goes). Decided when the
 * step opens, from the policy step's `escalateAtWarning` and the facts its deadline was chosen by,
 * so that a later policy change leaves open steps as they were given (§9).
 */
import type { Facts, StepPolicy } from './types.ts';

export function escalatesAtWarning(step: Pick<StepPolicy, 'escalateAtWarning'>, facts: Facts): boolean {
  const rule = step.escalateAtWarning;
  if (rule === undefined || typeof rule === 'boolean') return rule === true;
  const value = facts[rule.fact];
  return value !== undefined && rule.values.includes(value);
}
