/**
 * Key and index attributes of every item, derived from the record alone: whenever a record is
 * written, its index attributes are recomputed, so an item can never sit in a stale index.
 */
import type { CaseRecord, CaseType } from '../../core/cases/case.ts';
import { nextCaseDeadlineInstant, type CaseDeadlineRecord } from '../../core/cases/case-deadline.ts';
import { shanghaiDay } from '../../core/cases/report-day.ts';
import { AUTOMATIC, isStepActive, StepStatus, type StepRecord } from '../../core/cases/step.ts';

export type Keys = Record<string, string>;
export interface ItemKey {
  pk: string;
  sk: string;
}

export const caseKey = (caseId: string): ItemKey => ({ pk: `CASE#${caseId}`, sk: 'CASE' });

export const stepPrefix = (step: string): string => `STEP#${step}#`;

// Zero-padded so attempts sort numerically; the trailing '#' of the prefix keeps `order.pack` from matching `order.pack-x`.
export const stepKey = (caseId: string, step: string, attempt: number): ItemKey => ({
  pk: `CASE#${caseId}`,
  sk: `${stepPrefix(step)}${String(attempt).padStart(3, '0')}`,
});

export const linkKey = (caseId: string, otherCaseId: string): ItemKey => ({ pk: `CASE#${caseId}`, sk: `LINK#${otherCaseId}` });

export const caseDeadlineKey = (caseId: string, deadline: string): ItemKey => ({ pk: `CASE#${caseId}`, sk: `DEADLINE#${deadline}` });

export const timelineKey = (caseId: string, at: string, entryId: string): ItemKey => ({
  pk: `CASE#${caseId}`,
  sk: `TIMELINE#${at}#${entryId}`,
});

export const SortPrefix = { case: 'CASE', step: 'STEP#', link: 'LINK#', timeline: 'TIMELINE#', lookup: 'LOOKUP#' } as const;

/** A case's lookup entry (core/cases/search.ts): in the case's partition, indexed on gsi1 under `FIND#<kind>#<value>`. */
export const lookupKey = (caseId: string, kind: string, value: string): ItemKey => ({ pk: `CASE#${caseId}`, sk: `${SortPrefix.lookup}${kind}#${value}` });
export const lookupPartition = (kind: string, value: string): string => `FIND#${kind}#${value}`;

export const orderPartition = (orderId: string): string => `ORDER#${orderId}`;
export const casesPartition = (type: CaseType): string => `CASES#${type}`;
export const queuePartition = (role: string): string => `QUEUE#${role}`;
export const awaitPartition = (step: string): string => `AWAIT#${step}`;
export const escalatedPartition = (to: string): string => `ESCALATED#${to}`;
export const closedPartition = (day: string): string => `CLOSED#${day}`;
export const SWEEP_PARTITION = 'SWEEP';
/** Case-level deadlines by their next instant (the sweep's second partition). */
export const CASE_SWEEP_PARTITION = 'CASE-SWEEP';
/** Completed steps whose workflow answer and `StepCompleted` are still owed (the completion outbox). */
export const UNANSWERED_PARTITION = 'UNANSWERED';

// '~' sorts after every digit, so steps without a deadline come last in a queue.
const NO_DUE = '~';

export function caseIndexKeys(record: CaseRecord): Keys {
  const keys: Keys = {
    gsi4pk: casesPartition(record.type),
    gsi4sk: `${record.status}#${record.openedAt}#${record.id}`,
  };
  if (record.orderId !== undefined) {
    keys.gsi1pk = orderPartition(record.orderId);
    keys.gsi1sk = `${record.type}#${record.openedAt}#${record.id}`;
  }
  return keys;
}

export function stepIndexKeys(step: StepRecord): Keys {
  const id = `${step.caseId}#${step.step}#${step.attempt}`;
  if (!isStepActive(step.status)) {
    const closedAt = step.completedAt ?? step.openedAt;
    const closed: Keys = { gsi4pk: closedPartition(shanghaiDay(closedAt)), gsi4sk: `${closedAt}#${id}` };
    if (step.status === StepStatus.completed && step.answeredAt === undefined) {
      closed.gsi3pk = UNANSWERED_PARTITION;
      closed.gsi3sk = `${closedAt}#${id}`;
    }
    return closed;
  }
  const keys: Keys = {
    gsi2pk: step.role === AUTOMATIC ? awaitPartition(step.step) : queuePartition(step.role),
    gsi2sk: `${queueRank(step)}${step.due ?? NO_DUE}#${id}`,
  };
  const timer = nextTimer(step);
  if (timer !== undefined) {
    keys.gsi3pk = SWEEP_PARTITION;
    keys.gsi3sk = `${timer}#${id}`;
  }
  // Escalated by a breach or by hand (a hand escalation keeps its timers): the level's second queue.
  if (step.escalatedTo !== undefined) {
    keys.gsi1pk = escalatedPartition(step.escalatedTo);
    keys.gsi1sk = `${queueRank(step)}${step.due ?? NO_DUE}#${id}`;
  }
  return keys;
}

// '!' sorts before every digit: a priority order's steps come first in a queue, soonest due first among them (§12 Priority).
const queueRank = (step: StepRecord): string => (step.priority === true && step.role !== AUTOMATIC ? '!' : '');

/** The next SLA timer still to handle: none while paused (paused time does not count) or once breached. */
export function nextTimer(step: StepRecord): string | undefined {
  if (step.status !== StepStatus.open && step.status !== StepStatus.warned) return undefined;
  if (step.warnAt !== undefined && step.warnedAt === undefined) return step.warnAt;
  return step.due;
}

/** A case deadline sits in `CASE-SWEEP` by its next instant until it is breached or settled. */
export function caseDeadlineIndexKeys(d: CaseDeadlineRecord): Keys {
  const next = nextCaseDeadlineInstant(d);
  return next === undefined ? {} : { gsi3pk: CASE_SWEEP_PARTITION, gsi3sk: `${next}#${d.caseId}#${d.deadline}` };
}
