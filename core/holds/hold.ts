/**
 * Holds (service-standards.md §12 "Holds", seed §2.4.3 l.258–266): a customer who cannot pay yet
 * may have the unit held for one day — "刚刚我们主管和经理同意把这个产品给您留一天" — once both the
 * `supervisor` and the `manager` approve, in either order, each on its own `order.hold-approve`
 * step. Pure: the caller passes the order's steps.
 *
 * The two approvals share the step id and are told apart by their attempt: the supervisor's is
 * attempt 1, the manager's attempt 2. One hold per order.
 */
import { isStepActive, type StepStatus } from '../cases/step.ts';

/** What holdState reads of a step: a StepRecord, or the API's view of one (the console). */
export interface HoldStep {
  step: string;
  attempt: number;
  status: StepStatus;
  outcome?: string | null;
  fields?: Readonly<Record<string, unknown>> | null;
}

/** The spec's name of the request (`POST /cases/{caseId}/hold`); its timeline entry is `hold.requested`. */
export const HOLD_REQUEST = 'order.hold-request';
export const HOLD_APPROVE = 'order.hold-approve';
export const HOLD_FOLLOWUP = 'order.hold-followup';

/** "留一天" (l.266): the hold lasts one day. */
export const HOLD_MS = 24 * 60 * 60 * 1000;

/** The approvers, in their attempt order. */
export const HOLD_APPROVERS = ['supervisor', 'manager'] as const;
export type HoldApprover = (typeof HOLD_APPROVERS)[number];
export const HOLD_DECISIONS = ['approved', 'refused'] as const;
export type HoldDecision = (typeof HOLD_DECISIONS)[number];

/** The approval step attempt of `approver`. */
export const approvalAttempt = (approver: HoldApprover): number => HOLD_APPROVERS.indexOf(approver) + 1;

/** The timeline entry kinds of a hold. */
export const HoldEntry = { requested: 'hold.requested', refused: 'hold.refused', held: 'hold.held', cancelled: 'hold.cancelled' } as const;

export type HoldState =
  | { state: 'none' }
  | { state: 'requested'; approvals: Partial<Record<HoldApprover, HoldDecision>> }
  | { state: 'refused'; by: HoldApprover }
  | { state: 'held'; heldUntil: string }
  | { state: 'ended'; heldUntil: string; paid: boolean }
  /** The approvals were closed before a decision (the order was paid or closed meanwhile). */
  | { state: 'cancelled' };

/** Where the order's hold stands, from its steps. */
export function holdState(steps: readonly HoldStep[]): HoldState {
  const approvals = steps.filter((s) => s.step === HOLD_APPROVE);
  if (approvals.length === 0) return { state: 'none' };
  const held = steps.find((s) => s.step === 'order.payment' && s.outcome === 'held');
  if (held !== undefined) {
    const heldUntil = String(held.fields?.heldUntil ?? '');
    const after = steps.filter((s) => (s.step === 'order.payment' && s.attempt > held.attempt) || s.step === HOLD_FOLLOWUP || s.step === 'order.review');
    const heldAttempt = steps.find((s) => s.step === 'order.payment' && s.attempt === held.attempt + 1);
    if (heldAttempt !== undefined && isStepActive(heldAttempt.status)) return { state: 'held', heldUntil };
    if (after.length === 0) return { state: 'held', heldUntil };
    const paid = steps.some((s) => (s.step === 'order.payment' || s.step === HOLD_FOLLOWUP) && s.outcome === 'paid');
    return { state: 'ended', heldUntil, paid };
  }
  const decided: Partial<Record<HoldApprover, HoldDecision>> = {};
  for (const approver of HOLD_APPROVERS) {
    const step = approvals.find((s) => s.attempt === approvalAttempt(approver));
    const outcome = step?.outcome;
    if (outcome === 'refused') return { state: 'refused', by: approver };
    if (outcome === 'approved') decided[approver] = outcome;
  }
  if (approvals.every((s) => !isStepActive(s.status)) && Object.keys(decided).length < HOLD_APPROVERS.length) return { state: 'cancelled' };
  return { state: 'requested', approvals: decided };
}

/** The instant a hold approved at `at` ends. */
export function heldUntil(at: number): string {
  return new Date(at + HOLD_MS).toISOString();
}

/** A staff completion that would pass for the platform's own outcomes: `held` of `order.payment`, `paid` of the hold follow-up (the storefront's). */
export function isPlatformOutcome(step: string, body: unknown): boolean {
  const outcome = typeof body === 'object' && body !== null ? (body as { outcome?: unknown }).outcome : undefined;
  return (step === 'order.payment' && outcome === 'held') || (step === HOLD_FOLLOWUP && outcome === 'paid');
}
