import { describe, expect, it } from 'vitest';
import { Harness, NamedError, lambdas, outputOf } from '../harness.ts';

function flaky(failures: number, errorName = 'Transient') {
  let calls = 0;
  const integrations = lambdas({
    flaky: () => {
      calls++;
      if (calls <= failures) throw new NamedError(errorName, `failure ${calls}`);
      return { calls };
    },
  });
  return { integrations, calls: () => calls };
}

const task = (extra: object) => ({ Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:flaky', ...extra });

describe('Retry', () => {
  it('retries after IntervalSeconds × BackoffRate^n and succeeds', async () => {
    const f = flaky(2);
    const h = new Harness(f.integrations);
    const sm = await h.createMachine({ StartAt: 'T', States: { T: task({ Retry: [{ ErrorEquals: ['Transient'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 3 }], End: true }) } });
    const arn = await h.start(sm);
    await h.clock.advance(1_999);
    expect(f.calls()).toBe(1);
    await h.clock.advance(1);
    expect(f.calls()).toBe(2);
    await h.clock.advance(5_999);
    expect(f.calls()).toBe(2);
    await h.clock.advance(1);
    expect(f.calls()).toBe(3);
    expect(outputOf(await h.describe(arn))).toEqual({ calls: 3 });
  });

  it('caps the back-off at MaxDelaySeconds and applies FULL jitter', async () => {
    const f = flaky(2);
    const h = new Harness(f.integrations);
    const sm = await h.createMachine({ StartAt: 'T', States: { T: task({ Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 10, BackoffRate: 10, MaxDelaySeconds: 20, JitterStrategy: 'FULL' }], End: true }) } });
    await h.start(sm);
    // random() is 0.5 in the harness: 10 s × 0.5, then min(100, 20) × 0.5.
    await h.clock.advance(5_000);
    expect(f.calls()).toBe(2);
    await h.clock.advance(10_000);
    expect(f.calls()).toBe(3);
  });

  it('gives up after MaxAttempts and fails with the last error', async () => {
    const f = flaky(10);
    const h = new Harness(f.integrations);
    const e = await h.run({ StartAt: 'T', States: { T: task({ Retry: [{ ErrorEquals: ['Transient'], IntervalSeconds: 1, MaxAttempts: 2 }], End: true }) } }, {}, 60_000);
    expect(f.calls()).toBe(3);
    expect(e).toMatchObject({ status: 'FAILED', error: 'Transient', cause: expect.stringContaining('failure 3') });
  });

  it('never retries when MaxAttempts is 0, and only the first matching retrier applies', async () => {
    const f = flaky(10);
    const h = new Harness(f.integrations);
    await h.run({ StartAt: 'T', States: { T: task({ Retry: [{ ErrorEquals: ['Transient'], MaxAttempts: 0 }, { ErrorEquals: ['States.ALL'], MaxAttempts: 5 }], End: true }) } }, {}, 60_000);
    expect(f.calls()).toBe(1);
  });

  it('matches any task error with States.TaskFailed but not States.Timeout', async () => {
    const h = new Harness(lambdas({ slow: () => new Promise(() => undefined) }));
    const e = await h.run(
      {
        StartAt: 'T',
        States: {
          T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'slow' }, TimeoutSeconds: 1, Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'Wrong' }, { ErrorEquals: ['States.Timeout'], Next: 'Right' }], End: true },
          Wrong: { Type: 'Pass', Result: 'wrong', End: true },
          Right: { Type: 'Pass', Result: 'right', End: true },
        },
      },
      {},
      1_000,
    );
    expect(outputOf(e)).toBe('right');
  });
});

describe('Catch', () => {
  it('routes to the first matching catcher with {Error, Cause} at ResultPath (JSONPath)', async () => {
    const h = new Harness(flaky(1, 'Order.Missing').integrations);
    const e = await h.run(
      {
        StartAt: 'T',
        States: {
          T: task({ Catch: [{ ErrorEquals: ['Other'], Next: 'No' }, { ErrorEquals: ['Order.Missing'], ResultPath: '$.error', Next: 'Yes' }], End: true }),
          No: { Type: 'Fail' },
          Yes: { Type: 'Pass', End: true },
        },
      },
      { keep: 1 },
    );
    expect(outputOf(e)).toEqual({ keep: 1, error: { Error: 'Order.Missing', Cause: expect.stringContaining('failure 1') } });
  });

  it('catches after retries are exhausted and gives $states.errorOutput to JSONata Output and Assign', async () => {
    const f = flaky(10, 'Down');
    const h = new Harness(f.integrations);
    const e = await h.run(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'T',
        States: {
          T: task({
            Retry: [{ ErrorEquals: ['Down'], IntervalSeconds: 1, MaxAttempts: 1 }],
            Catch: [{ ErrorEquals: ['States.ALL'], Output: { why: '{% $states.errorOutput.Error %}' }, Assign: { failedAt: '{% $states.input.at %}' }, Next: 'After' }],
            End: true,
          }),
          After: { Type: 'Pass', Output: { why: '{% $states.input.why %}', at: '{% $failedAt %}' }, End: true },
        },
      },
      { at: 'review' },
      5_000,
    );
    expect(f.calls()).toBe(2);
    expect(outputOf(e)).toEqual({ why: 'Down', at: 'review' });
  });

  it('does not catch States.Runtime even with States.ALL', async () => {
    const h = new Harness();
    const e = await h.run({
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'FunctionName.$': '$.nope' }, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'C' }], End: true },
        C: { Type: 'Succeed' },
      },
    });
    expect(e).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });
});
