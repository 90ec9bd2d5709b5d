import { Database } from '../../../local/sqlite/database.ts';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { createSchedulerLocal, type SchedulerLocal } from '../../../local/scheduler/index.ts';
import { LAMBDA_ARN, ROLE_ARN } from './harness.ts';

interface Fired {
  name: string;
  execution: string;
}

const timer = (name: string, at: string): object => ({
  ScheduleExpression: `at(${at})`,
  FlexibleTimeWindow: { Mode: 'OFF' },
  ActionAfterCompletion: 'DELETE',
  Target: { Arn: LAMBDA_ARN, RoleArn: ROLE_ARN, Input: `{"name":"${name}","execution":"<aws.scheduler.execution-id>"}` },
});

describe('Scheduler emulator durability', () => {
  let root: string;
  const open: SchedulerLocal[] = [];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'scheduler-durability-'));
  });

  afterEach(() => {
    for (const s of open.splice(0)) s.close();
    rmSync(root, { recursive: true, force: true });
  });

  function start(data: string, clock: VirtualClock, onInvoke: (fired: Fired) => void): SchedulerLocal {
    const scheduler = createSchedulerLocal({ data, clock, dispatcher: { invokeLambda: async (_arn, input) => onInvoke(JSON.parse(input) as Fired) } });
    open.push(scheduler);
    scheduler.start();
    return scheduler;
  }

  it('after kill -9 in the middle of a burst, a schedule whose firing had committed is not fired again: its invocation is delivered again, the others fire once', async () => {
    const live = join(root, 'live');
    const killed = join(root, 'killed');
    const clock = new VirtualClock('2026-11-27T02:00:00Z');
    const firstRun: Fired[] = [];
    // The disk as kill -9 leaves it, taken when the first invocation of the burst goes out: the
    // first transaction of firings has committed (to the WAL, checkpoints being held), the rest of
    // the burst has not fired yet. Copying the files of an open database is what the next process finds.
    const first = start(live, clock, (fired) => {
      if (firstRun.length === 0) cpSync(live, killed, { recursive: true });
      firstRun.push(fired);
    });
    const names = Array.from({ length: 1000 }, (_, i) => `timer-${i}`);
    for (const name of names) expect(first.request('POST', `/schedules/${name}`, timer(name, '2026-11-27T03:00:00')).status).toBe(200);
    expect(first.request('POST', '/schedules/later', timer('later', '2026-11-27T05:00:00')).status).toBe(200);
    await clock.advanceTo('2026-11-27T03:00:00Z');
    await first.idle();
    expect(firstRun).toHaveLength(1000);

    const restartClock = new VirtualClock('2026-11-27T03:00:30Z');
    const secondRun: Fired[] = [];
    const second = start(killed, restartClock, (fired) => secondRun.push(fired));
    await restartClock.advanceTo('2026-11-27T03:00:30Z');
    await second.idle();
    // Each timer once: none both delivered again and fired anew.
    expect(secondRun.map((f) => f.name).sort()).toEqual([...names].sort());
    const firstExecution = new Map(firstRun.map((f) => [f.name, f.execution]));
    const deliveredAgain = secondRun.filter((f) => firstExecution.get(f.name) === f.execution).length;
    expect(deliveredAgain).toBeGreaterThan(0); // fired before the kill: the committed invocation, same execution id
    expect(deliveredAgain).toBeLessThan(1000); // the burst is several transactions: the rest fired after the restart
    expect(second.scheduleCount()).toBe(1);
    expect(second.pendingInvocations()).toBe(0);

    secondRun.length = 0;
    await restartClock.advanceTo('2026-11-27T06:00:00Z');
    await second.idle();
    expect(secondRun.map((f) => f.name)).toEqual(['later']);
    expect(second.scheduleCount()).toBe(0);
  });

  it('opens a data dir written with the first table layout (keyed by name, with a next_fire_at column) and keeps its schedules and timers', async () => {
    const data = join(root, 'first-layout');
    const clock = new VirtualClock('2026-11-27T04:00:00Z');
    const record = (name: string, expression: string, extra: object = {}): object => ({
      Name: name,
      GroupName: 'default',
      Arn: `arn:aws:scheduler:us-east-1:123456789012:schedule/default/${name}`,
      ScheduleExpression: expression,
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { Arn: LAMBDA_ARN, RoleArn: ROLE_ARN, Input: `{"name":"${name}","execution":"<aws.scheduler.execution-id>"}` },
      ActionAfterCompletion: 'DELETE',
      CreationDate: Date.parse('2026-11-27T02:00:00Z'),
      LastModificationDate: Date.parse('2026-11-27T02:00:00Z'),
      ...extra,
    });
    mkdirSync(data);
    const db = new Database(join(data, 'scheduler.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec(`
      CREATE TABLE schedule_groups (name TEXT PRIMARY KEY, body TEXT NOT NULL);
      CREATE TABLE schedules (group_name TEXT NOT NULL, name TEXT NOT NULL, state TEXT NOT NULL, body TEXT NOT NULL, next_fire_at INTEGER, fired INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (group_name, name));
      CREATE INDEX schedules_next_fire_at ON schedules (next_fire_at) WHERE next_fire_at IS NOT NULL;
    `);
    const insert = db.prepare('INSERT INTO schedules (group_name, name, state, body, next_fire_at, fired) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run('default', 'due-while-down', 'ENABLED', JSON.stringify(record('due-while-down', 'at(2026-11-27T03:00:00)')), Date.parse('2026-11-27T03:00:00Z'), 0);
    insert.run('default', 'later', 'ENABLED', JSON.stringify(record('later', 'at(2026-11-28T03:00:00)')), Date.parse('2026-11-28T03:00:00Z'), 0);
    insert.run('default', 'off', 'DISABLED', JSON.stringify(record('off', 'at(2026-11-27T03:30:00)', { State: 'DISABLED' })), null, 0);
    insert.run('default', 'done', 'ENABLED', JSON.stringify(record('done', 'at(2026-11-27T01:00:00)', { ActionAfterCompletion: 'NONE' })), null, 1);
    db.close();

    const fired: string[] = [];
    let scheduler = start(data, clock, (f) => fired.push(f.name));
    await clock.advanceTo('2026-11-27T04:00:00Z');
    await scheduler.idle();
    expect(fired).toEqual(['due-while-down']);
    expect(['due-while-down', 'later', 'off', 'done'].map((name) => scheduler.request('GET', `/schedules/${name}`).status)).toEqual([404, 200, 200, 200]);

    scheduler.close();
    open.splice(open.indexOf(scheduler), 1);
    scheduler = start(data, clock, (f) => fired.push(f.name)); // the migrated file opens as it is
    await clock.advanceTo('2026-11-29T00:00:00Z');
    await scheduler.idle();
    expect(fired).toEqual(['due-while-down', 'later']);
    expect(scheduler.scheduleCount()).toBe(2);
  });
});
