import {
  ConflictException,
  CreateScheduleCommand,
  CreateScheduleGroupCommand,
  DeleteScheduleCommand,
  DeleteScheduleGroupCommand,
  GetScheduleCommand,
  GetScheduleGroupCommand,
  ListScheduleGroupsCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  UpdateScheduleCommand,
  ValidationException,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { LAMBDA_ARN, ROLE_ARN, startScheduler, type Harness } from './harness.ts';

const timer = (name: string, overrides: Partial<CreateScheduleCommandInput> = {}): CreateScheduleCommandInput => ({
  Name: name,
  GroupName: 'sla-timers',
  ScheduleExpression: 'at(2026-11-27T06:00:00)',
  ScheduleExpressionTimezone: 'UTC',
  FlexibleTimeWindow: { Mode: 'OFF' },
  ActionAfterCompletion: 'DELETE',
  Target: { Arn: LAMBDA_ARN, RoleArn: ROLE_ARN, Input: '{"caseId":"c-1"}' },
  ...overrides,
});

describe('Scheduler emulator API through @aws-sdk/client-scheduler', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startScheduler(':memory:', new VirtualClock('2026-11-27T02:00:00Z'));
    await h.client.send(new CreateScheduleGroupCommand({ Name: 'sla-timers' }));
  });

  afterEach(() => h.stop());

  it('creates and gets a schedule with every field as given', async () => {
    const { ScheduleArn } = await h.client.send(new CreateScheduleCommand(timer('case-c-1-ship-due', { Description: 'due timer' })));
    expect(ScheduleArn).toBe('arn:aws:scheduler:us-east-1:123456789012:schedule/sla-timers/case-c-1-ship-due');
    const got = await h.client.send(new GetScheduleCommand({ Name: 'case-c-1-ship-due', GroupName: 'sla-timers' }));
    expect(got).toMatchObject({
      Arn: ScheduleArn,
      Name: 'case-c-1-ship-due',
      GroupName: 'sla-timers',
      ScheduleExpression: 'at(2026-11-27T06:00:00)',
      ScheduleExpressionTimezone: 'UTC',
      State: 'ENABLED',
      Description: 'due timer',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: { Arn: LAMBDA_ARN, RoleArn: ROLE_ARN, Input: '{"caseId":"c-1"}' },
    });
    expect(got.CreationDate).toEqual(new Date('2026-11-27T02:00:00Z'));
  });

  it('refuses a duplicate name with ConflictException', async () => {
    await h.client.send(new CreateScheduleCommand(timer('t')));
    await expect(h.client.send(new CreateScheduleCommand(timer('t')))).rejects.toBeInstanceOf(ConflictException);
  });

  it('answers ResourceNotFoundException for an unknown schedule or group', async () => {
    await expect(h.client.send(new GetScheduleCommand({ Name: 'nope', GroupName: 'sla-timers' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(h.client.send(new DeleteScheduleCommand({ Name: 'nope', GroupName: 'sla-timers' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(h.client.send(new UpdateScheduleCommand(timer('nope')))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(h.client.send(new CreateScheduleCommand(timer('t', { GroupName: 'missing' })))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('updates a schedule in place, keeping its creation date', async () => {
    await h.client.send(new CreateScheduleCommand(timer('t')));
    await h.client.send(new UpdateScheduleCommand(timer('t', { ScheduleExpression: 'at(2026-11-28T06:00:00)', State: 'DISABLED' })));
    const got = await h.client.send(new GetScheduleCommand({ Name: 't', GroupName: 'sla-timers' }));
    expect(got).toMatchObject({ ScheduleExpression: 'at(2026-11-28T06:00:00)', State: 'DISABLED' });
    expect(got.CreationDate).toEqual(new Date('2026-11-27T02:00:00Z'));
  });

  it('refuses a recurring schedule whose StartDate is more than 5 minutes ago, on create and update, as Scheduler does', async () => {
    // The clock reads 02:00:00Z: 01:55:00 is the oldest StartDate Scheduler takes for rate() and cron().
    const recurring = (expression: string, startDate: string): CreateScheduleCommandInput =>
      timer('sweep', { ScheduleExpression: expression, StartDate: new Date(startDate), ActionAfterCompletion: 'NONE' });
    const refusal = { name: 'ValidationException', message: 'The StartDate you specify cannot be earlier than 5 minutes ago.' };
    await expect(h.client.send(new CreateScheduleCommand(recurring('rate(15 minutes)', '2026-11-27T01:54:59Z')))).rejects.toMatchObject(refusal);
    await expect(h.client.send(new CreateScheduleCommand(recurring('cron(0 9 * * ? *)', '2026-11-20T00:00:00Z')))).rejects.toMatchObject(refusal);
    await expect(h.client.send(new GetScheduleCommand({ Name: 'sweep', GroupName: 'sla-timers' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await h.client.send(new CreateScheduleCommand(recurring('rate(15 minutes)', '2026-11-27T01:55:00Z')));
    await expect(h.client.send(new UpdateScheduleCommand(recurring('cron(0 9 * * ? *)', '2026-11-27T01:00:00Z')))).rejects.toMatchObject(refusal);
    // "EventBridge Scheduler ignores StartDate for one-time schedules" (CreateSchedule, StartDate).
    await h.client.send(new CreateScheduleCommand(timer('once', { StartDate: new Date('2026-11-01T00:00:00Z') })));
    expect((await h.client.send(new GetScheduleCommand({ Name: 'sweep', GroupName: 'sla-timers' }))).StartDate).toEqual(new Date('2026-11-27T01:55:00Z'));
  });

  it('lists schedules by group, prefix and state, a page at a time', async () => {
    for (const name of ['a1', 'a2', 'a3', 'b1']) await h.client.send(new CreateScheduleCommand(timer(name)));
    await h.client.send(new CreateScheduleCommand(timer('d1', { GroupName: undefined })));
    const first = await h.client.send(new ListSchedulesCommand({ GroupName: 'sla-timers', NamePrefix: 'a', MaxResults: 2 }));
    expect(first.Schedules?.map((s) => s.Name)).toEqual(['a1', 'a2']);
    expect(first.Schedules?.[0]).toMatchObject({ GroupName: 'sla-timers', State: 'ENABLED', Target: { Arn: LAMBDA_ARN } });
    const second = await h.client.send(new ListSchedulesCommand({ GroupName: 'sla-timers', NamePrefix: 'a', MaxResults: 2, NextToken: first.NextToken }));
    expect(second.Schedules?.map((s) => s.Name)).toEqual(['a3']);
    expect(second.NextToken).toBeUndefined();
    const all = await h.client.send(new ListSchedulesCommand({}));
    expect(all.Schedules?.map((s) => `${s.GroupName}/${s.Name}`)).toEqual(['default/d1', 'sla-timers/a1', 'sla-timers/a2', 'sla-timers/a3', 'sla-timers/b1']);
    expect((await h.client.send(new ListSchedulesCommand({ State: 'DISABLED' }))).Schedules).toEqual([]);
  });

  it('deletes a schedule', async () => {
    await h.client.send(new CreateScheduleCommand(timer('t')));
    await h.client.send(new DeleteScheduleCommand({ Name: 't', GroupName: 'sla-timers' }));
    await expect(h.client.send(new GetScheduleCommand({ Name: 't', GroupName: 'sla-timers' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('creates, gets, lists and deletes schedule groups (with their schedules)', async () => {
    const group = await h.client.send(new GetScheduleGroupCommand({ Name: 'sla-timers' }));
    expect(group).toMatchObject({ Name: 'sla-timers', State: 'ACTIVE', Arn: 'arn:aws:scheduler:us-east-1:123456789012:schedule-group/sla-timers' });
    await expect(h.client.send(new CreateScheduleGroupCommand({ Name: 'sla-timers' }))).rejects.toBeInstanceOf(ConflictException);
    expect((await h.client.send(new ListScheduleGroupsCommand({}))).ScheduleGroups?.map((g) => g.Name)).toEqual(['default', 'sla-timers']);
    await h.client.send(new CreateScheduleCommand(timer('t')));
    await h.client.send(new DeleteScheduleGroupCommand({ Name: 'sla-timers' }));
    await expect(h.client.send(new GetScheduleCommand({ Name: 't', GroupName: 'sla-timers' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(h.client.send(new DeleteScheduleGroupCommand({ Name: 'default' }))).rejects.toBeInstanceOf(ValidationException);
  });

  it.each([
    ['a malformed at()', { ScheduleExpression: 'at(2026-11-27 06:00)' }],
    ['an impossible date', { ScheduleExpression: 'at(2026-02-30T06:00:00)' }],
    ['a rate with a plural unit for 1', { ScheduleExpression: 'rate(1 minutes)' }],
    ['a cron with both day fields', { ScheduleExpression: 'cron(0 10 * * MON *)' }],
    ['a cron with five fields', { ScheduleExpression: 'cron(0 10 ? * MON)' }],
    ['an unknown time zone', { ScheduleExpressionTimezone: 'Mars/Olympus' }],
    ['a FLEXIBLE window without a maximum', { FlexibleTimeWindow: { Mode: 'FLEXIBLE' as const } }],
    ['an unsupported target', { Target: { Arn: 'arn:aws:sqs:us-east-1:123456789012:q', RoleArn: ROLE_ARN } }],
  ])('refuses %s with ValidationException', async (_name, overrides) => {
    await expect(h.client.send(new CreateScheduleCommand(timer('bad', overrides)))).rejects.toBeInstanceOf(ValidationException);
  });
});
