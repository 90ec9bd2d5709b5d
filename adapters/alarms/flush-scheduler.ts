/**
 * Alarm flushes as one-time EventBridge Scheduler `at()` schedules in the SLA timer group,
 * invoking the notify function with a FlushPayload; named per channel and second, so planning the
 * same flush twice replaces it.
 */
import type { SchedulerClient } from '@aws-sdk/client-scheduler';
import type { FlushPayload, FlushScheduler } from '../../core/alarms/outbox.ts';
import { EventBridgeTimerScheduler } from '../scheduler/eventbridge-scheduler.ts';

export function flushScheduleName(channel: string, at: string): string {
  return `alarm-flush-${channel}-${Math.ceil(Date.parse(at) / 1000)}`;
}

export class EventBridgeFlushScheduler implements FlushScheduler {
  private readonly schedules: EventBridgeTimerScheduler<FlushPayload>;

  constructor(options: { client: SchedulerClient; groupName: string; notifyArn: string; roleArn: string }) {
    this.schedules = new EventBridgeTimerScheduler<FlushPayload>({ client: options.client, groupName: options.groupName, targetArn: options.notifyArn, roleArn: options.roleArn });
  }

  scheduleFlush(channel: string, at: string): Promise<void> {
    return this.schedules.scheduleAt(flushScheduleName(channel, at), at, { kind: 'alarm-flush', channel });
  }
}
