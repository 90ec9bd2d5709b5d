/**
 * The durable state of alarm delivery, per channel: the alarms waiting to be sent, which alarms
 * were ever accepted (so a redelivered event is not sent twice), the pacing of the robot, and the
 * alarms given up on. The DynamoDB adapter keeps it in the case table (docs/alarms.md, "Design").
 */
import type { Alarm } from './alarm.ts';

/** What an outbox can queue: an item with a unique key and the instant it happened (alarms; customer notices, core/notices). */
export interface Queueable {
  key: string;
  at: string;
}

export interface PendingAlarm<T extends Queueable = Alarm> {
  alarm: T;
  /** Not to be sent before this instant (ISO-8601): the digest window, or the role's next shift. */
  notBefore: string;
}

export interface ChannelState {
  /** The robot may take the next message from this instant on (pacing or back-off), ISO-8601. */
  nextSendAt?: string;
  /** The current back-off after rate-limit answers (ms); absent after a success. */
  backoffMs?: number;
}

export interface DeadLetter<T extends Queueable = Alarm> {
  alarm: T;
  at: string;
  /** What the robot said, e.g. `310000 sign not match`. */
  reason: string;
}

export interface AlarmOutbox<T extends Queueable = Alarm> {
  /** Queues an alarm for a channel; false when this alarm (same key) was queued before — nothing is written then. */
  enqueue(channel: string, item: PendingAlarm<T>, now: string): Promise<boolean>;
  /** Queued alarms, oldest first. */
  pending(channel: string, limit: number): Promise<PendingAlarm<T>[]>;
  /** Removes alarms that reached the robot. */
  sent(channel: string, items: readonly PendingAlarm<T>[]): Promise<void>;
  /** Moves alarms the robot refused for good out of the queue, with the reason. */
  deadLetter(channel: string, items: readonly PendingAlarm<T>[], reason: string, now: string): Promise<void>;
  deadLetters(channel: string): Promise<DeadLetter<T>[]>;
  /**
   * Takes the channel's flush lease until `leaseUntil` and returns its state; undefined while
   * another flush holds an unexpired lease (only one flush of a channel sends at a time).
   */
  claim(channel: string, now: string, leaseUntil: string): Promise<{ state: ChannelState } | { heldUntil: string }>;
  /** Gives the lease back and records the pacing. */
  release(channel: string, state: ChannelState): Promise<void>;
  /**
   * Records that a flush is wanted at `at`. True when the caller must schedule it: no flush is
   * planned, or only a later one, or one that should have run more than `staleMs` ago (lost).
   */
  requestFlush(channel: string, at: string, now: string, staleMs: number): Promise<boolean>;
  /** True the first time it is called for a channel and day: that caller sends the day's summary. */
  claimSummary(channel: string, day: string, now: string): Promise<boolean>;
  /** Forgets the claim, so the summary is tried again. */
  unclaimSummary(channel: string, day: string): Promise<void>;
}

/** Plans a flush of a channel's queue at an instant (a one-time schedule invoking the notify function). */
export interface FlushScheduler {
  scheduleFlush(channel: string, at: string): Promise<void>;
}

/** What the notify function receives when a planned flush falls due. */
export interface FlushPayload {
  kind: 'alarm-flush';
  channel: string;
}
