/**
 * Names of the SLA timers. A timer's name is derived from what it is for (case, step, attempt,
 * kind), so scheduling it again replaces it instead of adding a second one. Scheduler names are at
 * most 64 characters of [0-9A-Za-z._-]: a readable prefix plus a hash of the full identity.
 */
import { createHash } from 'node:crypto';
import type { TimerKind } from '../../core/ports/timers.ts';

const MAX_NAME = 64;

export interface TimerIdentity {
  kind: TimerKind;
  caseId: string;
  step: string;
  attempt: number;
}

export function timerName(timer: TimerIdentity): string {
  const identity = `${timer.kind}|${timer.caseId}|${timer.step}|${timer.attempt}`;
  const hash = createHash('sha256').update(identity).digest('hex').slice(0, 12);
  const readable = `${timer.kind}.${timer.step}.${timer.attempt}.${timer.caseId}`.replace(/[^0-9A-Za-z._-]+/g, '_');
  return `${readable.slice(0, MAX_NAME - hash.length - 1)}-${hash}`;
}
