import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { FunctionNotFound, LambdaInvoker } from '../../../local/lambda/invoker.ts';

const invoker = new LambdaInvoker([{ id: 'echo', entry: 'test/fixtures/functions/echo.ts', access: {} }], {
  root: process.cwd(),
  clock: new VirtualClock(0),
  region: 'us-east-1',
  account: '000000000000',
  physicalName: (id) => `sla-${id}`,
});

describe('LambdaInvoker', () => {
  it('runs the manifest function by id, physical name or ARN', async () => {
    for (const name of ['echo', 'sla-echo', 'arn:aws:lambda:us-east-1:000000000000:function:sla-echo:$LATEST']) {
      const result = await invoker.invoke(name, { rawPath: '/raw' });
      expect(result).toEqual({ payload: { ok: true } });
    }
  });

  it('reports a thrown error as a function error named after the error', async () => {
    const result = await invoker.invoke('echo', { fail: 'StepNotOpen' });
    expect(result).toMatchObject({ errorType: 'StepNotOpen', errorMessage: 'asked to fail: StepNotOpen' });
  });

  it('refuses a function the manifest does not declare', async () => {
    await expect(invoker.invoke('nope', {})).rejects.toBeInstanceOf(FunctionNotFound);
  });
});
