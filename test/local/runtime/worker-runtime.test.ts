import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifest } from '../../../app/manifest.ts';
import { TestPlatform } from '../../e2e/platform.ts';
import { orderPlaced } from '../../support/orders.ts';

// The whole platform with its handlers on worker threads (npm start's function runtime), on a
// virtual clock, on one worker (so a crash leaves none: the next invocation must start one); the
// manifest's functions plus a probe that can exit its runtime.
let platform: TestPlatform;

beforeAll(async () => {
  const probe = { id: 'runtime-probe', entry: 'test/fixtures/functions/runtime-probe.ts', access: {} };
  platform = await TestPlatform.start('2026-11-11T00:00:00+08:00', { functionRuntime: 'workers', workers: 1, manifest: { ...manifest, functions: [...manifest.functions, probe] } });
}, 60_000);
afterAll(() => platform.stop());

async function placeOrder(orderId: string): Promise<string> {
  const { status, caseId } = await platform.storefront('order.placed', orderPlaced(orderId, platform.clock.now() - 10 * 60_000));
  expect(status).toBe(202);
  return caseId!;
}

describe('the local runtime with its handlers on worker threads', () => {
  it('takes an order from the storefront webhook to its case and an open order.review, on the platform\'s clock', async () => {
    await platform.advance(10 * 60_000);
    const view = await platform.view(await placeOrder('SO-WORKERS-1'));
    const review = view.steps.find((s) => s.step === 'order.review');
    expect(review).toMatchObject({ status: 'open', role: 'ops-cs' });
    // Opened at the virtual clock's time (the workers read the main thread's clock), not the system clock's.
    expect(Date.parse(review!.openedAt)).toBe(platform.clock.now());
    expect(platform.runtime.workers?.started).toBeGreaterThanOrEqual(1);
    expect(platform.runtime.usage().functions['storefront-webhook']).toMatchObject({ errors: 0 });
  });

  it('reports a handler\'s thrown error as a function error named after it (open-step refusing a request without a case)', async () => {
    const result = await platform.runtime.invoker.invoke('open-step', {});
    expect(result).toMatchObject({ errorType: 'InvalidInput', errorMessage: expect.stringContaining('invalid OpenStepRequest') as unknown });
  });

  it('reports a handler that exits its runtime as Runtime.ExitError, and the next order goes through on a new worker', async () => {
    const started = platform.runtime.workers!.started;
    const crashed = await platform.runtime.invoker.invoke('runtime-probe', { exit: 1 });
    expect(crashed).toMatchObject({ errorType: 'Runtime.ExitError', errorMessage: expect.stringContaining('Runtime exited with error: exit status 1') as unknown });
    const view = await platform.view(await placeOrder('SO-WORKERS-2'));
    expect(view.steps.find((s) => s.step === 'order.review')).toMatchObject({ status: 'open' });
    expect(platform.runtime.workers!.started).toBe(started + 1);
  });
});
