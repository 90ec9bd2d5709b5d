/**
 * A case-level deadline (service-standards.md §2 "overall promise", §4 refunds): a promise about a
 * whole case, kept on its own item so that its warning and its breach are each decided by one
 * conditional write — two deliveries of the same timer cannot both emit — and so that the sweep
 * can find one whose timer was lost. Transitions are pure; the repository applies them.
 */
import type { CaseType, Instant } from './case.ts';

export interface CaseDeadlineRecord {
  caseId: string;
  caseType: CaseType;
  /** The policy entry (scope `case`) of the promise, e.g. `order.handover`. */
  deadline: string;
  startedAt: Instant;
  due: Instant;
  /** The soft mark before `due` (the handover's "within 1 day"), if the policy sets one. */
  warnAt?: Instant;
  warnedAt?: Instant;
  breachedAt?: Instant;
  /** The promise no longer applies: kept (the order was handed over) or the case closed. */
  settledAt?: Instant;
}

/** What a timer or the sweep did to a case deadline; `changed: false` on a repeat or when nothing applies. */
export interface CaseDeadlineOutcome {
  changed: boolean;
  deadline: CaseDeadlineRecord;
}

const unchanged = (deadline: CaseDeadlineRecord): CaseDeadlineOutcome => ({ changed: false, deadline });

/** The next instant something is to happen to the deadline: the warning until it was given, then the due; none once breached or settled. */
export function nextCaseDeadlineInstant(d: CaseDeadlineRecord): Instant | undefined {
  if (d.settledAt !== undefined || d.breachedAt !== undefined) return undefined;
  if (d.warnAt !== undefined && d.warnedAt === undefined && d.warnAt < d.due) return d.warnAt;
  return d.due;
}

export function warnCaseDeadline(d: CaseDeadlineRecord, at: Instant): CaseDeadlineOutcome {
  if (d.warnAt === undefined || d.warnedAt !== undefined || d.breachedAt !== undefined || d.settledAt !== undefined || at < d.warnAt) return unchanged(d);
  return { changed: true, deadline: { ...d, warnedAt: at } };
}

export function breachCaseDeadline(d: CaseDeadlineRecord, at: Instant): CaseDeadlineOutcome {
  if (d.breachedAt !== undefined || d.settledAt !== undefined || at < d.due) return unchanged(d);
  return { changed: true, deadline: { ...d, breachedAt: at } };
}

export function settleCaseDeadline(d: CaseDeadlineRecord, at: Instant): CaseDeadlineOutcome {
  if (d.settledAt !== undefined) return unchanged(d);
  return { changed: true, deadline: { ...d, settledAt: at } };
}
