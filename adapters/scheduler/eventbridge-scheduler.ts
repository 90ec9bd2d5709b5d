/**
 * The TimerScheduler on EventBridge Scheduler: one one-time `at()` schedule per timer, in UTC,
 * invoking the sla-timer function with the TimerPayload as input and deleting itself after it
 * ran. Creating a timer that exists replaces it; cancelling one that does not exist is fine.
 */
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
  type SchedulerClient,
} from '@aws-sdk/client-scheduler';
import type { TimerPayload, TimerScheduler } from '../../core/ports/timers.ts';

export interface EventBridgeTimerSchedulerOptions {
  client: SchedulerClient;
  /** The schedule group of the SLA timers. */
  groupName: string;
  /** The target function's ARN (sla-timer; notify for alarm flushes). */
  targetArn: string;
  /** The role Scheduler assumes to invoke the target. */
  roleArn: string;
}

/** `P`: the input the target receives (the SLA timers' TimerPayload; the alarm flushes' FlushPayload). */
export class EventBridgeTimerScheduler<P extends object = TimerPayload> implements TimerScheduler<P> {
  constructor(private readonly options: EventBridgeTimerSchedulerOptions) {}

  async scheduleAt(name: string, at: string, payload: P): Promise<void> {
    const input = this.scheduleInput(name, at, payload);
    try {
      await this.options.client.send(new CreateScheduleCommand(input));
    } catch (error) {
      if (!(error instanceof ConflictException)) throw error;
      // A repeat (or a moved deadline): the schedule exists, so make it say what we want now.
      await this.options.client.send(new UpdateScheduleCommand(input));
    }
  }

  async cancel(name: string): Promise<void> {
    try {
      await this.options.client.send(new DeleteScheduleCommand({ Name: name, GroupName: this.options.groupName }));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
  }

  private scheduleInput(name: string, at: string, payload: P): CreateScheduleCommandInput {
    return {
      Name: name,
      GroupName: this.options.groupName,
      ScheduleExpression: atExpression(at),
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: { Arn: this.options.targetArn, RoleArn: this.options.roleArn, Input: JSON.stringify(payload) },
    };
  }
}

/**
 * `at(yyyy-mm-ddThh:mm:ss)` in UTC. Scheduler has second precision, so a fraction rounds up:
 * a timer must never fire before the instant it was set for.
 */
export function atExpression(at: string): string {
  const ms = Date.parse(at);
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid timer instant: ${at}`);
  const seconds = Math.ceil(ms / 1000) * 1000;
  return `at(${new Date(seconds).toISOString().slice(0, 19)})`;
}
