import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { createSchedulerLocal, type SchedulerLocal } from '../../../local/scheduler/index.ts';
import { StorageHealth } from '../../../local/storage/storage-health.ts';
import { mountSmallFilesystem, type SmallFilesystem } from '../../support/small-filesystem.ts';
import { LAMBDA_ARN, ROLE_ARN } from './harness.ts';

// A real full disk: the data directory is a 16 MiB tmpfs the test fills and frees.
let fs: SmallFilesystem | undefined;
let scheduler: SchedulerLocal | undefined;
afterEach(() => {
  scheduler?.close();
  scheduler = undefined;
  fs?.unmount();
  fs = undefined;
});

/** Inputs large enough that firing them needs fresh pages for the invocation outbox. */
const padding = 'x'.repeat(8 * 1024);
const timer = (name: string): object => ({
  ScheduleExpression: 'at(2026-11-27T03:00:00)',
  FlexibleTimeWindow: { Mode: 'OFF' },
  ActionAfterCompletion: 'DELETE',
  Target: { Arn: LAMBDA_ARN, RoleArn: ROLE_ARN, Input: JSON.stringify({ name, padding }) },
});

describe('The Scheduler emulator on a full disk', () => {
  it('fires nothing it could not write, refuses new schedules with 503, and fires each due timer once when space returns', async () => {
    fs = mountSmallFilesystem(16);
    const clock = new VirtualClock('2026-11-27T02:00:00Z');
    const health = new StorageHealth(() => clock.now());
    const fired: string[] = [];
    scheduler = createSchedulerLocal({ data: fs.dir, clock, health, dispatcher: { invokeLambda: async (_arn, input) => void fired.push((JSON.parse(input) as { name: string }).name) } });
    scheduler.start();
    for (let i = 0; i < 200; i++) expect(scheduler.request('POST', `/schedules/t-${i}`, timer(`t-${i}`)).status).toBe(200);

    fs.fill(['scheduler.sqlite']);
    await clock.advanceTo('2026-11-27T03:00:00Z');
    await scheduler.idle();
    expect(fired).toEqual([]);
    expect(health.current().map((f) => f.store)).toEqual(['scheduler']);
    const refused = scheduler.request('POST', '/schedules/late', timer('late'));
    expect(refused).toMatchObject({ status: 503, headers: { 'x-amzn-errortype': 'ServiceUnavailable' } });

    fs.free();
    await clock.advance(10_000); // the retry on the clock fires the chunk that could not be written
    await scheduler.idle();
    expect(health.ok).toBe(true);
    expect(fired).toHaveLength(200);
    expect(new Set(fired).size).toBe(200);
    expect(scheduler.scheduleCount()).toBe(0);
    expect(scheduler.pendingInvocations()).toBe(0);
  });
});
