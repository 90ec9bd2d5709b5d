/**
 * The completion checks that depend on the policy the platform runs on, not only on the step's
 * schema: `order.dispatch` must name one of the policy's carriers (400 naming `body.fields.carrier`)
 * and records the carrier's `insured` flag in the step's fields (core/carriers/dispatch.ts).
 */
import { checkDispatch } from '../../core/carriers/dispatch.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import { InvalidRequest } from '../http/errors.ts';

/** The fields to store; throws `InvalidRequest` when the policy refuses them. */
export function policyCheckedFields(stepId: string, fields: Record<string, unknown>, policy: Pick<CompiledPolicy, 'carriers'>): Record<string, unknown> {
  if (stepId !== 'order.dispatch') return fields;
  const checked = checkDispatch(fields, policy.carriers);
  if (!checked.ok) throw new InvalidRequest(checked.issues);
  return checked.fields;
}
