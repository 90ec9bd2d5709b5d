/**
 * Notice deliveries as one-time EventBridge Scheduler `at()` schedules in the SLA timer group,
 * invoking the customer-notices function with a DeliveryPayload; named per second, so planning the
 * same delivery twice replaces it.
 */
import type { SchedulerClient } from '@aws-sdk/client-scheduler';
import type { FlushScheduler } from '../../core/alarms/outbox.ts';
import { EventBridgeTimerScheduler } from '../scheduler/eventbridge-scheduler.ts';

/** What the customer-notices function receives when a planned delivery falls due. */
export interface DeliveryPayload {
  kind: 'notice-delivery';
  channel: string;
}

export class EventBridgeDeliveryScheduler implements FlushScheduler {
  private readonly schedules: EventBridgeTimerScheduler<DeliveryPayload>;

  constructor(options: { client: SchedulerClient; groupName: string; functionArn: string; roleArn: string }) {
    this.schedules = new EventBridgeTimerScheduler<DeliveryPayload>({ client: options.client, groupName: options.groupName, targetArn: options.functionArn, roleArn: options.roleArn });
  }

  scheduleFlush(channel: string, at: string): Promise<void> {
    return this.schedules.scheduleAt(`notice-delivery-${channel}-${Math.ceil(Date.parse(at) / 1000)}`, at, { kind: 'notice-delivery', channel });
  }
}
