import type { CompiledPolicy } from '../../core/deadline/types.ts';

/**
 * Steps whose deadline is the courier's planned pickup batch (`order.pickup`). Their breach is
 * decided by the pickup run itself — a parcel that goes with a later batch than planned is
 * breached and raises `PickupMissed` — not by a timer racing the run at the batch instant.
 */
export function settledByPickupRun(policy: CompiledPolicy, stepId: string): boolean {
  return policy.steps.get(stepId)?.rule.kind === 'pickup-batch';
}
