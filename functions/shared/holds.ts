/**
 * Holds beside the order workflow (service-standards.md §12 "Holds", seed l.258–266). The request
 * opens the supervisor's and the manager's `order.hold-approve` steps while the workflow keeps
 * waiting in `order.payment`, so that the day-3 expiry and a payment go on as usual meanwhile.
 * When both approved, the open payment attempt completes with outcome `held` and the workflow
 * holds the order until `heldUntil` (workflows/order.asl.json, state `Held`). A refusal cancels
 * the other approval and the unpaid rules go on; a payment cancels any approval still open.
 */
import { toInstant } from '../../core/cases/instant.ts';
import { isStepActive, type StepRecord } from '../../core/cases/step.ts';
import { approvalAttempt, HOLD_APPROVE, HOLD_APPROVERS, HoldEntry, heldUntil, holdState } from '../../core/holds/hold.ts';
import { StepNotOpen } from '../../core/cases/errors.ts';
import { createOpenStep } from '../open-step/open-step.ts';
import { cancelActiveSteps } from '../case-action/close-steps.ts';
import { settleCompletion, type CompletionEffectsDeps } from './completion-effects.ts';
import type { StepClockDeps } from './step-clock.ts';
import { policyForStep } from '../../core/deadline/policy-for-step.ts';

/** What holds work with: the step clock's ports and the completion effects'. */
export interface HoldDeps extends CompletionEffectsDeps, StepClockDeps {}

/** Opens both approval steps (attempt 1 supervisor, 2 manager); no task token: no execution waits for them. */
export async function openHoldApprovals(deps: HoldDeps, caseId: string): Promise<void> {
  for (const approver of HOLD_APPROVERS) {
    await createOpenStep({ ...deps, policy: policyForStep(deps.policy, { step: HOLD_APPROVE, role: approver }) })({ caseId, caseType: 'order', step: HOLD_APPROVE, attempt: approvalAttempt(approver), role: approver });
  }
}

/**
 * What a decision leads to, once stored: a refusal cancels the other approval; the second approval
 * holds the order (the open `order.payment` attempt completes with outcome `held`). Safe to repeat.
 */
export async function settleHoldDecision(deps: HoldDeps, caseId: string, by: string): Promise<void> {
  const view = await deps.repository.getCase(caseId);
  const state = holdState(view.steps);
  const at = toInstant(deps.clock.now());
  if (state.state === 'refused') {
    await cancelActiveSteps(deps, view.steps.filter((s) => s.step === HOLD_APPROVE), { at, by, reason: `hold refused by the ${state.by}` });
    await deps.repository.appendTimeline(caseId, { id: HoldEntry.refused, at, kind: HoldEntry.refused, by, detail: { refusedBy: state.by } });
    return;
  }
  if (state.state !== 'requested' || HOLD_APPROVERS.some((a) => state.approvals[a] !== 'approved')) return;
  const payment = activePayment(view.steps);
  if (payment === undefined) return; // paid or closed meanwhile: nothing to hold
  const until = heldUntil(deps.clock.now());
  try {
    const done = await deps.repository.completeStep({ caseId, step: payment.step, attempt: payment.attempt }, { at, by, outcome: 'held', fields: { heldUntil: until } });
    await settleCompletion(deps, done);
  } catch (error) {
    if (error instanceof StepNotOpen) return; // the payment (or a checkpoint) won the race
    throw error;
  }
  await deps.repository.appendTimeline(caseId, { id: HoldEntry.held, at, kind: HoldEntry.held, by, detail: { heldUntil: until } });
}

/** A payment ends a hold still waiting for approval: its open approval steps are cancelled. */
export async function cancelPendingHold(deps: Pick<HoldDeps, 'repository' | 'timers' | 'clock'>, steps: readonly StepRecord[], by: string): Promise<void> {
  const open = steps.filter((s) => s.step === HOLD_APPROVE && isStepActive(s.status));
  if (open.length === 0) return;
  const at = toInstant(deps.clock.now());
  await cancelActiveSteps(deps, open, { at, by, reason: 'the order was paid' });
  await deps.repository.appendTimeline(open[0]!.caseId, { id: HoldEntry.cancelled, at, kind: HoldEntry.cancelled, by, detail: { reason: 'paid' } });
}

/** The order's `order.payment` attempt still open, if any. */
export function activePayment(steps: readonly StepRecord[]): StepRecord | undefined {
  return steps.filter((s) => s.step === 'order.payment' && isStepActive(s.status)).at(-1);
}
