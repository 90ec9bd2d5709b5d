import { mkdtempSync, rmSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { createSchedulerLocal, type SchedulerLocal } from '../../../local/scheduler/index.ts';
import { Database } from '../../../local/sqlite/database.ts';
import { LAMBDA_ARN, ROLE_ARN } from './harness.ts';

const timer = (name: string): string =>
  JSON.stringify({ ScheduleExpression: 'at(2026-11-27T03:00:00)', FlexibleTimeWindow: { Mode: 'OFF' }, ActionAfterCompletion: 'DELETE', Target: { Arn: LAMBDA_ARN, RoleArn: ROLE_ARN, Input: JSON.stringify({ name }) } });

interface Answer {
  status: number;
  body: { Message?: string; ScheduleArn?: string };
  /** Schedules another connection saw on disk when the answer was written. */
  onDisk: number;
}

/** SQLite's WAL: a 32-byte header, then a 24-byte header and a page per frame. */
const walFrames = (file: string, pageSize: number): number => Math.max(0, (statSync(file).size - 32) / (24 + pageSize));

describe("The Scheduler emulator's API commits the requests of one turn together", () => {
  let data: string;
  let scheduler: SchedulerLocal;
  let reader: Database;

  beforeEach(() => {
    data = mkdtempSync(join(tmpdir(), 'scheduler-batch-'));
    scheduler = createSchedulerLocal({ data, clock: new VirtualClock('2026-11-27T02:00:00Z') });
    reader = new Database(join(data, 'scheduler.sqlite'), { readonly: true });
  });

  afterEach(() => {
    reader.close();
    scheduler.close();
    rmSync(data, { recursive: true, force: true });
  });

  const onDisk = (): number => (reader.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM schedules').get()?.n ?? 0);

  /** Sends the requests to the listener in one turn, as the in-process edge does; resolves with the answers in order. */
  function sendAll(requests: { method: string; url: string; body: string }[]): Promise<Answer[]> {
    return Promise.all(
      requests.map(
        ({ method, url, body }) =>
          new Promise<Answer>((resolve) => {
            const req = Object.assign(new PassThrough(), { method, url });
            let status = 0;
            const res = {
              writeHead: (code: number) => void (status = code),
              end: (text: string) => resolve({ status, body: JSON.parse(text) as Answer['body'], onDisk: onDisk() }),
            };
            scheduler.listener(req as unknown as IncomingMessage, res as unknown as ServerResponse);
            req.end(body);
          }),
      ),
    );
  }

  it('writes 40 CreateSchedules in one transaction, answers each once it is on disk, and keeps nothing of the one that failed', async () => {
    const pageSize = Number(reader.pragma('page_size', { simple: true }));
    const wal = join(data, 'scheduler.sqlite-wal');
    const framesBefore = walFrames(wal, pageSize);
    const creates = Array.from({ length: 40 }, (_, i) => ({ method: 'POST', url: `/schedules/t-${i}`, body: timer(`t-${i}`) }));
    // The same name again in the same turn: a ConflictException, and its own writes rolled back.
    const answers = await sendAll([...creates, { method: 'POST', url: '/schedules/t-0', body: timer('again') }]);

    expect(answers.slice(0, 40).map((a) => a.status)).toEqual(Array(40).fill(200));
    expect(answers[40]).toMatchObject({ status: 409, body: { Message: 'Schedule t-0 already exists.' } });
    // Another connection sees only committed rows: every answer came after the commit.
    expect(answers.map((a) => a.onDisk)).toEqual(Array(41).fill(40));
    expect(JSON.parse(String((reader.prepare<[], { body: string }>("SELECT body FROM schedules WHERE name = 't-0'").get() ?? { body: '{}' }).body)).Target.Input).toBe(JSON.stringify({ name: 't-0' }));
    // One commit: a few pages, where one autocommit per request wrote at least a page each.
    expect(walFrames(wal, pageSize) - framesBefore).toBeLessThan(10);
  });

  it('answers a request made through request() at once, with what the listener wrote earlier in the same turn committed first', async () => {
    const pending = sendAll([{ method: 'POST', url: '/schedules/by-listener', body: timer('by-listener') }]);
    for (let tick = 0; tick < 5 && scheduler.scheduleCount() === 0; tick++) await new Promise((resolve) => process.nextTick(resolve));
    // Written in the open batch, not yet committed: the writer sees it, another connection does not.
    expect([scheduler.scheduleCount(), onDisk()]).toEqual([1, 0]);
    const direct = scheduler.request('POST', '/schedules/direct', JSON.parse(timer('direct')) as object);
    expect(direct.status).toBe(200);
    expect(onDisk()).toBe(2);
    expect((await pending)[0]).toMatchObject({ status: 200, onDisk: 2 });
  });
});
