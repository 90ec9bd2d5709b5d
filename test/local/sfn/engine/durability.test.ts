import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../../core/time/clock.ts';
import type { Json } from '../../../../local/sfn/index.ts';
import { Harness, START, lambdas, outputOf } from '../harness.ts';

const dirs: string[] = [];
const dataDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'sfn-durable-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('Durability across a crash', () => {
  it('resumes a Wait and fires it on restart when it fell due during the downtime', async () => {
    const data = dataDir();
    const clock = new VirtualClock(START);
    const first = new Harness(lambdas({}), { data, clock });
    const arn = await first.start(await first.createMachine({ StartAt: 'A', States: { A: { Type: 'Pass', Result: 1, Next: 'W' }, W: { Type: 'Wait', Seconds: 60, Next: 'B' }, B: { Type: 'Pass', Result: 2, End: true } } }));
    await clock.advance(10_000);
    first.sfn.crash();

    const restartClock = new VirtualClock(Date.parse(START) + 120_000);
    const second = new Harness(lambdas({}), { data, clock: restartClock });
    expect(second.sfn.resume()).toBe(1);
    await restartClock.advance(0);
    const e = await second.describe(arn);
    expect(outputOf(e)).toBe(2);
    const types = await second.types(arn);
    expect(types.filter((t) => t === 'PassStateEntered')).toHaveLength(2);
    expect(types.filter((t) => t === 'WaitStateEntered')).toHaveLength(1);
    second.sfn.close();
  });

  it('keeps a callback task waiting across a restart and completes it with a token issued before the crash', async () => {
    const data = dataDir();
    const received: Json[] = [];
    const integrations = lambdas({ open: (p) => { received.push(p); return {}; } });
    const clock = new VirtualClock(START);
    const first = new Harness(integrations, { data, clock });
    const sm = await first.createMachine({
      StartAt: 'Human',
      States: { Human: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: 'open', Payload: { 'token.$': '$$.Task.Token' } }, HeartbeatSeconds: 600, End: true } },
    });
    const arn = await first.start(sm);
    await clock.advance(0);
    const token = (received[0] as { token: string }).token;
    first.sfn.crash();

    const second = new Harness(integrations, { data, clock });
    second.sfn.resume();
    await clock.advance(0);
    expect(received).toHaveLength(1); // submitted before the crash: not invoked again
    await second.call('SendTaskSuccess', { taskToken: token, output: '{"ok":true}' });
    await clock.advance(0);
    expect(outputOf(await second.describe(arn))).toEqual({ ok: true });
    second.sfn.close();
  });

  it('re-arms a heartbeat timeout and a retry back-off from their persisted deadlines', async () => {
    const data = dataDir();
    let calls = 0;
    const integrations = lambdas({
      flaky: () => {
        calls++;
        if (calls === 1) throw Object.assign(new Error('x'), { name: 'Transient' });
        return 'ok';
      },
    });
    const clock = new VirtualClock(START);
    const first = new Harness(integrations, { data, clock });
    const arn = await first.start(
      await first.createMachine({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:flaky', Retry: [{ ErrorEquals: ['Transient'], IntervalSeconds: 30 }], End: true } } }),
    );
    await clock.advance(1_000);
    expect(calls).toBe(1);
    first.sfn.crash();

    const second = new Harness(integrations, { data, clock });
    second.sfn.resume();
    await clock.advance(28_999);
    expect(calls).toBe(1);
    await clock.advance(1);
    expect(calls).toBe(2);
    expect(outputOf(await second.describe(arn))).toBe('ok');
    second.sfn.close();
  });

  it('resumes Map iterations without re-running the finished ones', async () => {
    const data = dataDir();
    const seen: Json[] = [];
    const integrations = lambdas({ rec: (p) => { seen.push(p); return p; } });
    const clock = new VirtualClock(START);
    const first = new Harness(integrations, { data, clock });
    const arn = await first.start(
      await first.createMachine({
        StartAt: 'M',
        States: {
          M: {
            Type: 'Map',
            MaxConcurrency: 1,
            ItemProcessor: { StartAt: 'R', States: { R: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:rec', Next: 'W' }, W: { Type: 'Wait', Seconds: 10, End: true } } },
            End: true,
          },
        },
      }),
      [1, 2, 3] as Json,
    );
    await clock.advance(15_000);
    expect(seen).toEqual([1, 2]);
    first.sfn.crash();

    const second = new Harness(integrations, { data, clock });
    second.sfn.resume();
    await clock.advance(60_000);
    expect(seen).toEqual([1, 2, 3]);
    expect(outputOf(await second.describe(arn))).toEqual([1, 2, 3]);
    second.sfn.close();
  });
});
