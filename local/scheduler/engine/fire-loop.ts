import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../core/time/clock.ts';
import type { DeliveryOutbox } from '../../eventbridge/delivery/outbox.ts';
import { DEFAULT_RETRY_POLICY } from '../../eventbridge/delivery/retry-policy.ts';
import type { StorageReporter } from '../../storage/storage-health.ts';
import { isWriteFault, writeRetryDelay } from '../../storage/write-faults.ts';
import { nextFireAfter } from '../expression/next-fire.ts';
import type { AfterFiring, ScheduleStore } from '../store/schedule-store.ts';
import { ActionAfterCompletion, type ScheduleRecord, type StoredSchedule } from '../store/records.ts';
import type { InvocationPayload } from './dispatcher.ts';
import { recurrenceOf } from './recurrence.ts';

/**
 * Schedules fired per transaction. Between chunks the loop yields to the event loop, so the
 * invocations of one chunk go out while the next is fired: a burst of due schedules (at() has
 * second precision, so thousands can share one instant) is not held back until all are fired.
 * As many as the outbox dispatches at once (its default concurrency), so a chunk goes out in one pump.
 */
const CHUNK = 256;

/** A one-time schedule: it fires once, so there is no next instant to work out (nor an expression to parse). */
const isOneTime = (r: ScheduleRecord): boolean => r.ScheduleExpression.startsWith('at(');

/**
 * Fires due schedules. One clock timer, at the earliest due instant (the first key of the schedules
 * table, which is ordered by due time), not one per schedule. A chunk of firings is one
 * transaction: each invocation goes into the durable outbox and each schedule moves to its next
 * instant after now, or is completed / deleted. So a schedule fires once per instant, and a
 * schedule that fell due while the process was down fires once at start-up — one catch-up firing,
 * however many cron ticks were missed.
 *
 * While a burst is being fired, WAL checkpoints are held (see `ScheduleStore.holdCheckpoints`);
 * a burst of a chunk or more checkpoints once its last invocations went out, in the gap before
 * the next due instant.
 */
export class FireLoop {
  private cancel: (() => void) | undefined;
  private armedAt = Infinity;
  private stopped = false;
  /** A burst is being fired (chunk after chunk); it re-arms the timer when it ends. */
  private firing = false;
  /** Schedules fired since checkpoints were held. */
  private firedWhileHeld = 0;
  /** Consecutive chunks that could not be written (a full disk). */
  private faults = 0;

  constructor(
    private readonly store: ScheduleStore,
    private readonly outbox: DeliveryOutbox,
    private readonly clock: Clock,
    private readonly health?: StorageReporter,
  ) {}

  /** Re-arms the timer when a schedule now fires earlier than the armed instant. */
  changed(nextFireAt: number | null): void {
    if (nextFireAt !== null && nextFireAt < this.armedAt) this.arm();
  }

  /** Arms the timer at the earliest pending firing (also at start-up, for catch-up). */
  arm(): void {
    if (this.stopped || this.firing) return;
    const at = this.store.earliest();
    if (at === this.armedAt && this.cancel) return;
    this.cancel?.();
    this.cancel = undefined;
    this.armedAt = at ?? Infinity;
    if (at === undefined) return;
    this.cancel = this.clock.schedule(at, () => {
      this.cancel = undefined;
      this.armedAt = Infinity;
      this.firing = true;
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
    let fired: number;
    try {
      this.store.holdCheckpoints();
      // The chunk's transaction and its enqueued invocations stand or fall together.
      fired = this.outbox.atomically(() => this.store.fireDue(now, CHUNK, (schedule) => this.fire(schedule, now)));
    } catch (error) {
      if (!isWriteFault(error)) throw error;
      this.retryAfterFault(error as Error);
      return;
    }
    if (this.faults > 0) {
      this.faults = 0;
      this.health?.recovered('scheduler');
    }
    this.firedWhileHeld += fired;
    if (fired === CHUNK) {
      setImmediate(() => this.fireDue());
      return;
    }
    this.firing = false;
    this.arm();
    // Queued after the outbox's dispatch of this chunk (its pump was queued by the enqueues in the
    // transaction above), so the checkpoint runs once the burst's last invocations went out. A
    // small burst leaves it to SQLite's own threshold rather than syncing after every firing.
    setImmediate(() => {
      if (this.stopped || this.firing) return;
      try {
        this.store.releaseCheckpoints(this.firedWhileHeld >= CHUNK);
      } catch (error) {
        // A checkpoint that found no room is only postponed: the commits are in the WAL.
        if (!isWriteFault(error)) throw error;
      }
      this.firedWhileHeld = 0;
    });
  }

  /**
   * A chunk that could not be written was rolled back whole (schedules unmoved, nothing
   * enqueued): fire it again once the disk may have room, 250 ms doubling to 10 s later.
   */
  private retryAfterFault(error: Error): void {
    this.faults += 1;
    if (this.faults === 1) this.health?.failed('scheduler', error);
    this.firing = false;
    this.cancel?.();
    this.armedAt = this.clock.now() + writeRetryDelay(this.faults);
    this.cancel = this.clock.schedule(this.armedAt, () => {
      this.cancel = undefined;
      this.armedAt = Infinity;
      this.firing = true;
      this.fireDue();
    });
  }

  private fire(schedule: StoredSchedule, now: number): AfterFiring {
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
    const next = isOneTime(r) ? undefined : nextFireAfter(recurrenceOf(r), now, true);
    if (next !== undefined) return { next };
    return r.ActionAfterCompletion === ActionAfterCompletion.DELETE ? 'delete' : 'complete';
  }
}
