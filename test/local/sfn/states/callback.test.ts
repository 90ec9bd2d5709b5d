import { describe, expect, it } from 'vitest';
import type { Json } from '../../../../local/sfn/index.ts';
import { Harness, NamedError, lambdas, outputOf } from '../harness.ts';

const callbackMachine = (extra: object = {}) => ({
  StartAt: 'Human',
  States: {
    Human: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: 'open-step', Payload: { 'token.$': '$$.Task.Token', 'step.$': '$.step' } },
      ...extra,
      End: true,
    },
  },
});

function openStep(received: Json[]) {
  return lambdas({ 'open-step': (p) => { received.push(p); return { ok: true }; } });
}

describe('Task state with .waitForTaskToken', () => {
  it('hands the token to the function and completes with the SendTaskSuccess output', async () => {
    const received: Json[] = [];
    const h = new Harness(openStep(received));
    const arn = await h.start(await h.createMachine(callbackMachine()), { step: 'review' });
    await h.clock.advance(0);
    expect(received).toHaveLength(1);
    const token = (received[0] as { token: string }).token;
    expect((await h.describe(arn)).status).toBe('RUNNING');
    expect(await h.types(arn)).toContain('TaskSubmitted');
    await h.call('SendTaskSuccess', { taskToken: token, output: JSON.stringify({ outcome: 'confirmed' }) });
    await h.clock.advance(0);
    const e = await h.describe(arn);
    expect(e.status).toBe('SUCCEEDED');
    expect(outputOf(e)).toEqual({ outcome: 'confirmed' });
  });

  it('fails the task with the SendTaskFailure error and cause', async () => {
    const received: Json[] = [];
    const h = new Harness(openStep(received));
    const arn = await h.start(await h.createMachine(callbackMachine()), { step: 'review' });
    await h.clock.advance(0);
    await h.call('SendTaskFailure', { taskToken: (received[0] as { token: string }).token, error: 'Step.Rejected', cause: 'customer cancelled' });
    await h.clock.advance(0);
    expect(await h.describe(arn)).toMatchObject({ status: 'FAILED', error: 'Step.Rejected', cause: 'customer cancelled' });
  });

  it('answers TaskTimedOut for a token that was already used, TaskDoesNotExist for an unknown one, InvalidToken for a malformed one', async () => {
    const received: Json[] = [];
    const h = new Harness(openStep(received));
    await h.start(await h.createMachine(callbackMachine()), { step: 'review' });
    await h.clock.advance(0);
    const token = (received[0] as { token: string }).token;
    await h.call('SendTaskSuccess', { taskToken: token, output: '{}' });
    await expect(h.call('SendTaskSuccess', { taskToken: token, output: '{}' })).rejects.toMatchObject({ name: 'TaskTimedOut' });
    await expect(h.call('SendTaskHeartbeat', { taskToken: `AQ${'A'.repeat(64)}` })).rejects.toMatchObject({ name: 'TaskDoesNotExist' });
    await expect(h.call('SendTaskSuccess', { taskToken: 'nonsense', output: '{}' })).rejects.toMatchObject({ name: 'InvalidToken' });
    await expect(h.call('SendTaskSuccess', { taskToken: token, output: 'not json' })).rejects.toMatchObject({ name: 'InvalidOutput' });
  });

  it('times out with States.HeartbeatTimeout when heartbeats stop, and heartbeats keep it alive', async () => {
    const received: Json[] = [];
    const h = new Harness(openStep(received));
    const arn = await h.start(await h.createMachine(callbackMachine({ HeartbeatSeconds: 60 })), { step: 'review' });
    await h.clock.advance(0);
    const token = (received[0] as { token: string }).token;
    await h.clock.advance(50_000);
    await h.call('SendTaskHeartbeat', { taskToken: token });
    await h.clock.advance(50_000);
    expect((await h.describe(arn)).status).toBe('RUNNING');
    await h.clock.advance(10_000);
    const e = await h.describe(arn);
    expect(e.error).toBe('States.HeartbeatTimeout');
    await expect(h.call('SendTaskSuccess', { taskToken: token, output: '{}' })).rejects.toMatchObject({ name: 'TaskTimedOut' });
  });

  it('fails with the function error when the callback function itself fails', async () => {
    const h = new Harness(lambdas({ 'open-step': () => { throw new NamedError('Storage.Down', 'db'); } }));
    const arn = await h.start(await h.createMachine(callbackMachine()), { step: 'x' });
    await h.clock.advance(0);
    expect((await h.describe(arn)).error).toBe('Storage.Down');
  });

  it('gives $states.context.Task.Token to JSONata Arguments', async () => {
    const received: Json[] = [];
    const h = new Harness(openStep(received));
    const arn = await h.start(
      await h.createMachine({
        QueryLanguage: 'JSONata',
        StartAt: 'Human',
        States: { Human: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Arguments: { FunctionName: 'open-step', Payload: { token: '{% $states.context.Task.Token %}' } }, End: true } },
      }),
    );
    await h.clock.advance(0);
    const token = (received[0] as { token: string }).token;
    expect(token).toMatch(/^AQ/);
    await h.call('SendTaskSuccess', { taskToken: token, output: '"done"' });
    await h.clock.advance(0);
    expect(outputOf(await h.describe(arn))).toBe('done');
  });
});
