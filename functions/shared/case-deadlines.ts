/**
 * Case-level SLA promises (service-standards.md §2 and §4): deadlines about a whole case rather
 * than one step. Breaching one raises `SlaBreached` with `scope: "case"` even if no step breached.
 */
import { DetailType } from '../../core/ports/events.ts';
import { TimerKind } from '../../core/ports/timers.ts';
import { timerName } from './timer-names.ts';

export interface CaseDeadline {
  /** The policy entry (scope `case`) holding the deadline rule. */
  policyStep: string;
  caseType: string;
  /** The deadline starts when this step first opens. */
  startsWith: string;
  /** The promise is kept once this step completed. */
  keptBy: string;
}

/** "Reviewed, packed and handed to the courier within 1 day, at the latest 2 working days." */
export const orderHandover: CaseDeadline = { policyStep: 'order.handover', caseType: 'order', startsWith: 'order.review', keptBy: 'order.pickup' };

export const caseDeadlines: readonly CaseDeadline[] = [orderHandover];

/** The case deadline a step's first opening starts, if any. */
export function caseDeadlineStartedBy(caseType: string, step: string): CaseDeadline | undefined {
  return caseDeadlines.find((d) => d.caseType === caseType && d.startsWith === step);
}

export function caseDeadlineByPolicyStep(policyStep: string): CaseDeadline | undefined {
  return caseDeadlines.find((d) => d.policyStep === policyStep);
}

/** The timers of a case deadline: its warning and its due. */
export function caseDeadlineTimerNames(caseId: string, deadline: CaseDeadline): string[] {
  return [TimerKind.caseWarn, TimerKind.caseDue].map((kind) => timerName({ kind, caseId, step: deadline.policyStep, attempt: 1 }));
}

/**
 * Steps whose own deadline is a case-level promise: their breach is reported with case scope,
 * plus the event named here ("refund overdue": the refund did not arrive in its channel's time).
 */
export const casePromiseSteps: Readonly<Record<string, DetailType>> = {
  'refund.settle': DetailType.RefundOverdue,
};
