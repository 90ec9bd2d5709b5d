import { describe, expect, it } from 'vitest';
import { Harness } from '../harness.ts';

describe('Execution lifecycle', () => {
  it('times out with States.Timeout after the top-level TimeoutSeconds', async () => {
    const h = new Harness();
    const arn = await h.start(await h.createMachine({ TimeoutSeconds: 30, StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 100, End: true } } }));
    await h.clock.advance(30_000);
    const e = await h.describe(arn);
    expect(e).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect((await h.types(arn)).slice(-2)).toEqual(['WaitStateAborted', 'ExecutionTimedOut']);
  });

  it('stops with StopExecution, recording the error and cause, and runs nothing more', async () => {
    const h = new Harness();
    const arn = await h.start(await h.createMachine({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 10, Next: 'After' }, After: { Type: 'Pass', End: true } } }));
    await h.call('StopExecution', { executionArn: arn, error: 'Ops.Cancel', cause: 'by hand' });
    await h.clock.advance(20_000);
    expect(await h.describe(arn)).toMatchObject({ status: 'ABORTED', error: 'Ops.Cancel', cause: 'by hand' });
    expect(await h.types(arn)).toEqual(['ExecutionStarted', 'WaitStateEntered', 'WaitStateAborted', 'ExecutionAborted']);
  });

  it('numbers events from 1 with previousEventId chaining within a branch', async () => {
    const h = new Harness();
    const e = await h.run({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', End: true } } });
    const events = await h.history(e.executionArn);
    expect(events.map((ev) => ev.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events.map((ev) => ev.previousEventId)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(events[0]?.timestamp).toBe(Date.parse('2025-03-01T00:00:00Z') / 1000);
  });

  it('fails with States.Runtime when the history would pass 25,000 events', async () => {
    const h = new Harness();
    const e = await h.run(
      {
        StartAt: 'Loop',
        States: {
          Loop: { Type: 'Pass', Next: 'Again' },
          Again: { Type: 'Choice', Choices: [{ Variable: '$.stop', BooleanEquals: true, Next: 'Done' }], Default: 'Loop' },
          Done: { Type: 'Succeed' },
        },
      },
      { stop: false },
      0,
    );
    for (let i = 0; i < 50 && (await h.describe(e.executionArn)).status === 'RUNNING'; i++) await h.clock.advance(0);
    const done = await h.describe(e.executionArn);
    expect(done).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(done.cause).toContain('25000');
    const last = await h.call<{ events: { id: number; type: string }[] }>('GetExecutionHistory', { executionArn: e.executionArn, reverseOrder: true, maxResults: 1 });
    expect(last.events[0]).toMatchObject({ id: 25_000, type: 'ExecutionFailed' });
  }, 60_000);

  it('pages GetExecutionHistory with nextToken, forwards and in reverse', async () => {
    const h = new Harness();
    const e = await h.run({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', End: true } } });
    const first = await h.call<{ events: { id: number }[]; nextToken?: string }>('GetExecutionHistory', { executionArn: e.executionArn, maxResults: 4 });
    expect(first.events.map((x) => x.id)).toEqual([1, 2, 3, 4]);
    const second = await h.call<{ events: { id: number }[]; nextToken?: string }>('GetExecutionHistory', { executionArn: e.executionArn, maxResults: 4, nextToken: first.nextToken });
    expect(second.events.map((x) => x.id)).toEqual([5, 6]);
    expect(second.nextToken).toBeUndefined();
    const reverse = await h.call<{ events: { id: number }[] }>('GetExecutionHistory', { executionArn: e.executionArn, reverseOrder: true, maxResults: 2 });
    expect(reverse.events.map((x) => x.id)).toEqual([6, 5]);
  });

  it('resolves engine.idle() once the last running execution has ended', async () => {
    const h = new Harness();
    await h.sfn.engine.idle();
    const machine = await h.createMachine({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 10, End: true } } });
    const short = await h.start(machine);
    const long = await h.start(await h.createMachine({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 20, End: true } } }));
    let idle = false;
    void h.sfn.engine.idle().then(() => (idle = true));
    await h.clock.advance(10_000);
    expect((await h.describe(short)).status).toBe('SUCCEEDED');
    expect(idle).toBe(false);
    await h.clock.advance(10_000);
    expect((await h.describe(long)).status).toBe('SUCCEEDED');
    expect(idle).toBe(true);
  });
});
