/** One-time SLA timers (EventBridge Scheduler `at()` schedules on AWS and locally). */

export const TimerKind = {
  warn: 'warn',
  due: 'due',
  /** A pause with `until` resumes by itself. */
  resume: 'resume',
  /** A case-level deadline (the order handover) falls due. */
  caseDue: 'case-due',
  /** A case-level deadline reaches its warning mark (the handover's 24 h). */
  caseWarn: 'case-warn',
  /** An order step reaches its batch target still open (`PickupAtRisk`, service-standards.md §2). */
  batchTarget: 'batch-target',
} as const;
export type TimerKind = (typeof TimerKind)[keyof typeof TimerKind];

/** What the sla-timer function receives when a timer fires. */
export interface TimerPayload {
  kind: TimerKind;
  caseId: string;
  step: string;
  attempt: number;
  /** The instant the timer was set for (ISO-8601), to tell a stale timer from a current one. */
  at: string;
}

export interface TimerScheduler<P extends object = TimerPayload> {
  /** Creates (or replaces) the timer named `name`; safe to repeat. */
  scheduleAt(name: string, at: string, payload: P): Promise<void>;
  /** Deletes the timer; a timer that does not exist is not an error. */
  cancel(name: string): Promise<void>;
}
