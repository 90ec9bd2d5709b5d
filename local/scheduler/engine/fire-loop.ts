import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../core/time/clock.ts';
import type { DeliveryOutbox } from '../../eventbridge/delivery/outbox.ts';
import { DEFAULT_RETRY_POLICY } from '../../eventbridge/delivery/retry-policy.ts';
import { nextFireAfter } from '../expression/next-fire.ts';
import type { ScheduleStore } from '../store/schedule-store.ts';
import { ActionAfterCompletion, type StoredSchedule } from '../store/records.ts';
import type { InvocationPayload } from './dispatcher.ts';
import { recurrenceOf } from './recurrence.ts';

/**
 * Schedules fired per transaction. Between chunks the loop yields to the event loop, so the
 * invocations of one chunk go out while the next is fired: a burst of due schedules (at() has
 * second precision, so thousands can share one instant) is not held back until all are fired.
 */
const CHUNK = 200;

/**
 * Fires due schedules. One clock timer, at the earliest `next_fire_at` (an indexed MIN query), not
 * one per schedule. A firing is one transaction: the invocation goes into the durable outbox and the
 * schedule moves to its next instant after now (or is completed / deleted). So a schedule fires
 * once per instant, and a schedule that fell due while the process was down fires once at start-up
 * — one catch-up firing, however many cron ticks were missed.
 */
export class FireLoop {
  private cancel: (() => void) | undefined;
  private armedAt = Infinity;
  private stopped = false;

  constructor(
    private readonly store: ScheduleStore,
    private readonly outbox: DeliveryOutbox,
    private readonly clock: Clock,
  ) {}

  /** Re-arms the timer when a schedule now fires earlier than the armed instant. */
  changed(nextFireAt: number | null): void {
    if (nextFireAt !== null && nextFireAt < this.armedAt) this.arm();
  }

  /** Arms the timer at the earliest pending firing (also at start-up, for catch-up). */
  arm(): void {
    if (this.stopped) return;
    const at = this.store.earliest();
    if (at === this.armedAt && this.cancel) return;
    this.cancel?.();
    this.cancel = undefined;
    this.armedAt = at ?? Infinity;
    if (at === undefined) return;
    this.cancel = this.clock.schedule(at, () => {
      this.cancel = undefined;
      this.armedAt = Infinity;
      this.fireDue();
    });
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
    this.cancel = undefined;
  }

  private fireDue(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    const due = this.store.due(now, CHUNK);
    this.store.transaction(() => {
      for (const schedule of due) this.fire(schedule, now);
    });
    if (due.length === CHUNK) setImmediate(() => this.fireDue());
    else this.arm();
  }

  private fire(schedule: StoredSchedule, now: number): void {
    const r = schedule.record;
    const scheduledTime = schedule.nextFireAt ?? now;
    const payload: InvocationPayload = {
      arn: r.Target.Arn,
      roleArn: r.Target.RoleArn,
      input: r.Target.Input ?? '{}',
      ...(r.Target.EventBridgeParameters ? { eventBridge: r.Target.EventBridgeParameters } : {}),
      scheduleArn: r.Arn,
      scheduledTime,
      executionId: randomUUID(),
    };
    this.outbox.enqueue(JSON.stringify(payload), {
      maximumRetryAttempts: r.Target.RetryPolicy?.MaximumRetryAttempts ?? DEFAULT_RETRY_POLICY.maximumRetryAttempts,
      maximumEventAgeSeconds: r.Target.RetryPolicy?.MaximumEventAgeInSeconds ?? DEFAULT_RETRY_POLICY.maximumEventAgeSeconds,
    });
    const next = nextFireAfter(recurrenceOf(r), now, true);
    if (next !== undefined) this.store.setNext(r.GroupName, r.Name, next, false);
    else if (r.ActionAfterCompletion === ActionAfterCompletion.DELETE) this.store.delete(r.GroupName, r.Name);
    else this.store.setNext(r.GroupName, r.Name, null, true);
  }
}
