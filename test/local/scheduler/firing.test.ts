import { CreateScheduleCommand, GetScheduleCommand, ResourceNotFoundException, UpdateScheduleCommand, type CreateScheduleCommandInput } from '@aws-sdk/client-scheduler';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { LAMBDA_ARN, ROLE_ARN, STATE_MACHINE_ARN, startScheduler, type Harness, type Invocation } from './harness.ts';

const iso = (ms: number): string => new Date(ms).toISOString();
/** Wall time in Asia/Shanghai (UTC+8, no DST) with the weekday, e.g. "Fri 10:00". */
const shanghai = (ms: number): string => new Date(ms + 8 * 3_600_000).toUTCString().replace(/^(\w{3}), \d+ \w+ \d+ (\d\d:\d\d):\d\d GMT$/, '$1 $2');

const oneTime = (name: string, at: string, overrides: Partial<CreateScheduleCommandInput> = {}): CreateScheduleCommandInput => ({
  Name: name,
  ScheduleExpression: `at(${at})`,
  FlexibleTimeWindow: { Mode: 'OFF' },
  ActionAfterCompletion: 'DELETE',
  Target: { Arn: LAMBDA_ARN, RoleArn: ROLE_ARN, Input: JSON.stringify({ timer: name }) },
  ...overrides,
});

const PICKUPS: CreateScheduleCommandInput = {
  Name: 'pickup-batches',
  ScheduleExpression: 'cron(0 10,13,17 ? * MON-SAT *)',
  ScheduleExpressionTimezone: 'Asia/Shanghai',
  FlexibleTimeWindow: { Mode: 'OFF' },
  Target: { Arn: STATE_MACHINE_ARN, RoleArn: ROLE_ARN, Input: '{"batch":"<aws.scheduler.scheduled-time>"}' },
};

describe('Scheduler emulator firing on a VirtualClock', () => {
  let dataDir: string;
  let clock: VirtualClock;
  let h: Harness;
  const invocations: Invocation[] = [];

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'scheduler-local-'));
    clock = new VirtualClock('2026-11-27T02:00:00Z'); // a Friday
    invocations.length = 0;
    h = await startScheduler(dataDir, clock, invocations);
  });

  afterEach(async () => {
    await h.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function advanceTo(at: string): Promise<void> {
    await clock.advanceTo(at);
    await h.scheduler.idle();
  }

  it('fires an at() schedule exactly once, at its instant, with its Input, and deletes it (ActionAfterCompletion DELETE)', async () => {
    await h.client.send(new CreateScheduleCommand(oneTime('due', '2026-11-27T06:00:00')));
    await advanceTo('2026-11-27T05:59:59Z');
    expect(invocations).toEqual([]);
    await advanceTo('2026-11-28T00:00:00Z');
    expect(invocations).toEqual([{ kind: 'lambda', arn: LAMBDA_ARN, input: '{"timer":"due"}', at: Date.parse('2026-11-27T06:00:00Z') }]);
    await expect(h.client.send(new GetScheduleCommand({ Name: 'due' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect(h.scheduler.pendingInvocations()).toBe(0);
  });

  it('keeps a fired at() schedule with ActionAfterCompletion NONE and does not fire it again', async () => {
    await h.client.send(new CreateScheduleCommand(oneTime('kept', '2026-11-27T03:00:00', { ActionAfterCompletion: 'NONE' })));
    await advanceTo('2026-11-30T00:00:00Z');
    expect(invocations).toHaveLength(1);
    expect((await h.client.send(new GetScheduleCommand({ Name: 'kept' }))).ScheduleExpression).toBe('at(2026-11-27T03:00:00)');
  });

  it('reads at() in ScheduleExpressionTimezone', async () => {
    await h.client.send(new CreateScheduleCommand(oneTime('local', '2026-11-27T14:30:00', { ScheduleExpressionTimezone: 'Asia/Shanghai' })));
    await advanceTo('2026-11-28T00:00:00Z');
    expect(invocations.map((i) => iso(i.at))).toEqual(['2026-11-27T06:30:00.000Z']);
  });

  it('fires at once an at() schedule whose instant has already passed', async () => {
    await h.client.send(new CreateScheduleCommand(oneTime('late', '2026-11-27T01:00:00')));
    await advanceTo('2026-11-27T02:00:00Z');
    expect(invocations.map((i) => i.at)).toEqual([clock.now()]);
  });

  it('moves a timer when the schedule is updated (the SLA timer adapter does this on ConflictException)', async () => {
    await h.client.send(new CreateScheduleCommand(oneTime('moved', '2026-11-27T06:00:00')));
    await h.client.send(new UpdateScheduleCommand(oneTime('moved', '2026-11-27T04:00:00')));
    await advanceTo('2026-11-28T00:00:00Z');
    expect(invocations.map((i) => iso(i.at))).toEqual(['2026-11-27T04:00:00.000Z']);
  });

  it('does not fire a DISABLED schedule', async () => {
    await h.client.send(new CreateScheduleCommand(oneTime('off', '2026-11-27T06:00:00', { State: 'DISABLED' })));
    await advanceTo('2026-11-28T00:00:00Z');
    expect(invocations).toEqual([]);
  });

  it('fires the pickup cron at 10:00, 13:00 and 17:00 Asia/Shanghai, Monday to Saturday, and not on Sunday', async () => {
    await h.client.send(new CreateScheduleCommand(PICKUPS));
    // Created at Friday 10:00 Shanghai: the first tick strictly after creation is 13:00.
    await advanceTo('2026-11-30T16:00:00Z'); // Tuesday 00:00 in Shanghai
    expect(invocations.map((i) => shanghai(i.at))).toEqual(['Fri 13:00', 'Fri 17:00', 'Sat 10:00', 'Sat 13:00', 'Sat 17:00', 'Mon 10:00', 'Mon 13:00', 'Mon 17:00']);
    expect(invocations.every((i) => i.kind === 'sfn' && i.arn === STATE_MACHINE_ARN)).toBe(true);
    expect(invocations[0]!.input).toBe('{"batch":"2026-11-27T05:00:00Z"}');
  });

  it('fires rate() every period from creation, within StartDate and EndDate', async () => {
    await h.client.send(
      new CreateScheduleCommand({
        Name: 'sweep',
        ScheduleExpression: 'rate(15 minutes)',
        EndDate: new Date('2026-11-27T03:00:00Z'),
        FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 5 },
        Target: { Arn: LAMBDA_ARN, RoleArn: ROLE_ARN },
      }),
    );
    await advanceTo('2026-11-27T06:00:00Z');
    expect(invocations.map((i) => iso(i.at).slice(11, 16))).toEqual(['02:15', '02:30', '02:45', '03:00']);
    expect(invocations[0]!.input).toBe('{}');
  });

  it('fires a burst of many transactions once each: at() deleted or kept, rate() moved on, in any mix at one instant', async () => {
    // 600 schedules due at 03:00, in name order DELETE, NONE, rate, DELETE, …: every transaction of
    // the burst completes, keeps and moves schedules side by side.
    const outcomes = ['delete', 'keep', 'rate'] as const;
    const names = Array.from({ length: 600 }, (_, i) => `burst-${String(i).padStart(3, '0')}`);
    names.forEach((name, i) => {
      const outcome = outcomes[i % 3]!;
      const response = h.scheduler.request('POST', `/schedules/${name}`, {
        ScheduleExpression: outcome === 'rate' ? 'rate(1 hour)' : 'at(2026-11-27T03:00:00)',
        FlexibleTimeWindow: { Mode: 'OFF' },
        ActionAfterCompletion: outcome === 'delete' ? 'DELETE' : 'NONE',
        Target: { Arn: LAMBDA_ARN, RoleArn: ROLE_ARN, Input: JSON.stringify({ name }) },
      });
      expect(response.status).toBe(200);
    });
    const fired = (): string[] => invocations.map((i) => (JSON.parse(i.input) as { name: string }).name).sort();
    const status = (name: string): number => h.scheduler.request('GET', `/schedules/${name}`).status;

    await advanceTo('2026-11-27T03:00:00Z');
    expect(fired()).toEqual(names);
    expect(invocations.every((i) => i.at === Date.parse('2026-11-27T03:00:00Z'))).toBe(true);
    expect(h.scheduler.scheduleCount()).toBe(400);
    expect(names.slice(0, 3).map(status)).toEqual([404, 200, 200]);

    invocations.length = 0;
    await advanceTo('2026-11-27T03:59:59Z');
    expect(invocations).toEqual([]);
    await advanceTo('2026-11-27T04:00:00Z');
    expect(fired()).toEqual(names.filter((_, i) => outcomes[i % 3] === 'rate'));
    expect(h.scheduler.pendingInvocations()).toBe(0);
  });

  it('keeps schedules across a restart on the same data dir and fires what fell due while down exactly once', async () => {
    await h.client.send(new CreateScheduleCommand(oneTime('due-while-down', '2026-11-27T04:00:00')));
    await h.client.send(new CreateScheduleCommand(oneTime('due-later', '2026-11-28T04:00:00')));
    await h.client.send(new CreateScheduleCommand(PICKUPS));
    await h.stop(); // the process is gone from 02:00Z …
    await clock.advanceTo('2026-11-27T12:00:00Z'); // … past the 13:00 and 17:00 Shanghai pickups and the 04:00Z timer

    h = await startScheduler(dataDir, clock, invocations);
    await advanceTo('2026-11-27T12:00:00Z');
    expect(invocations.map((i) => `${i.kind} ${i.input}`).sort()).toEqual(['lambda {"timer":"due-while-down"}', 'sfn {"batch":"2026-11-27T05:00:00Z"}']);
    expect(invocations.every((i) => i.at === Date.parse('2026-11-27T12:00:00Z'))).toBe(true);
    // One catch-up firing for the two missed pickups; its scheduled time is the first missed tick.
    expect((await h.client.send(new GetScheduleCommand({ Name: 'due-later' }))).Name).toBe('due-later');

    invocations.length = 0;
    await advanceTo('2026-11-28T12:00:00Z');
    expect(invocations.map((i) => (i.kind === 'lambda' ? `timer ${iso(i.at)}` : `pickup ${shanghai(i.at)}`))).toEqual(['pickup Sat 10:00', 'timer 2026-11-28T04:00:00.000Z', 'pickup Sat 13:00', 'pickup Sat 17:00']);
  });

  it('re-delivers after a restart an invocation that was pending when the process died', async () => {
    await h.stop();
    const failing = await import('../../../local/scheduler/index.ts').then(({ createSchedulerLocal }) =>
      createSchedulerLocal({ data: dataDir, clock, dispatcher: { invokeLambda: () => Promise.reject(new Error('function is cold')) } }),
    );
    failing.start();
    failing.request('POST', '/schedules/retry-me', oneTime('retry-me', '2026-11-27T03:00:00'));
    await clock.advanceTo('2026-11-27T03:00:00Z');
    await failing.idle();
    expect(failing.pendingInvocations()).toBe(1);
    failing.close();

    h = await startScheduler(dataDir, clock, invocations);
    await advanceTo('2026-11-27T03:10:00Z');
    expect(invocations.map((i) => i.input)).toEqual(['{"timer":"retry-me"}']);
    expect(h.scheduler.pendingInvocations()).toBe(0);
  });
});
