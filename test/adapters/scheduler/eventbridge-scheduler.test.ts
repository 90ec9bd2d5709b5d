import { ConflictException, CreateScheduleCommand, DeleteScheduleCommand, ResourceNotFoundException, SchedulerClient, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { atExpression, EventBridgeTimerScheduler } from '../../../adapters/scheduler/eventbridge-scheduler.ts';
import type { TimerPayload } from '../../../core/ports/timers.ts';

const scheduler = mockClient(SchedulerClient);

const options = {
  client: new SchedulerClient({ region: 'us-east-1' }),
  groupName: 'sla-platform-sla-timers',
  targetArn: 'arn:aws:lambda:us-east-1:000000000000:function:sla-platform-sla-timer',
  roleArn: 'arn:aws:iam::000000000000:role/sla-platform-scheduler',
};
const payload: TimerPayload = { kind: 'due', caseId: 'c-1', step: 'order.review', attempt: 1, at: '2025-03-03T02:30:00.000Z' };

describe('EventBridgeTimerScheduler', () => {
  beforeEach(() => scheduler.reset());

  it('creates a one-time at() schedule in UTC that invokes the timer function with the payload and deletes itself', async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn' });
    await new EventBridgeTimerScheduler(options).scheduleAt('due-c-1', '2025-03-03T02:30:00.000Z', payload);
    expect(scheduler.commandCalls(CreateScheduleCommand)[0]?.args[0].input).toEqual({
      Name: 'due-c-1',
      GroupName: 'sla-platform-sla-timers',
      ScheduleExpression: 'at(2025-03-03T02:30:00)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: { Arn: options.targetArn, RoleArn: options.roleArn, Input: JSON.stringify(payload) },
    });
  });

  it('updates the schedule when it already exists, so scheduling again replaces it', async () => {
    scheduler.on(CreateScheduleCommand).rejects(new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} }));
    scheduler.on(UpdateScheduleCommand).resolves({ ScheduleArn: 'arn' });
    await new EventBridgeTimerScheduler(options).scheduleAt('due-c-1', '2025-03-03T03:30:00.000Z', payload);
    expect(scheduler.commandCalls(UpdateScheduleCommand)[0]?.args[0].input).toMatchObject({ Name: 'due-c-1', ScheduleExpression: 'at(2025-03-03T03:30:00)', ActionAfterCompletion: 'DELETE' });
  });

  it('ignores deleting a schedule that does not exist, and rethrows other failures', async () => {
    scheduler.on(DeleteScheduleCommand).rejectsOnce(new ResourceNotFoundException({ message: 'gone', Message: 'gone', $metadata: {} })).rejectsOnce(new Error('network'));
    const timers = new EventBridgeTimerScheduler(options);
    await expect(timers.cancel('due-c-1')).resolves.toBeUndefined();
    await expect(timers.cancel('due-c-1')).rejects.toThrow('network');
    expect(scheduler.commandCalls(DeleteScheduleCommand)[0]?.args[0].input).toEqual({ Name: 'due-c-1', GroupName: 'sla-platform-sla-timers' });
  });

  it('rounds a fractional second up, so a timer never fires before its instant', () => {
    expect(atExpression('2025-03-03T02:30:00.001Z')).toBe('at(2025-03-03T02:30:01)');
    expect(atExpression('2025-03-03T10:30:00+08:00')).toBe('at(2025-03-03T02:30:00)');
  });
});
