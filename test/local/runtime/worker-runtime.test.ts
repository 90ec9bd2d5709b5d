import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from '../../e2e/platform.ts';
import { orderPlaced } from '../../support/orders.ts';

// The whole platform with its handlers on worker threads (npm start's function runtime), on a virtual clock.
let platform: TestPlatform;

beforeAll(async () => {
  platform = await TestPlatform.start('2026-11-11T00:00:00+08:00', { functionRuntime: 'workers' });
}, 60_000);
afterAll(() => platform.stop());

describe('the local runtime with its handlers on worker threads', () => {
  it('takes an order from the storefront webhook to its case and an open order.review, on the platform\'s clock', async () => {
    await platform.advance(10 * 60_000);
    const placedAt = platform.clock.now() - 10 * 60_000;
    const { status, caseId } = await platform.storefront('order.placed', orderPlaced('SO-WORKERS-1', placedAt));
    expect(status).toBe(202);
    const view = await platform.view(caseId!);
    const review = view.steps.find((s) => s.step === 'order.review');
    expect(review).toMatchObject({ status: 'open', role: 'ops-cs' });
    // Opened at the virtual clock's time (the workers read the main thread's clock), not the system clock's.
    expect(Date.parse(review!.openedAt)).toBe(platform.clock.now());
    expect(platform.runtime.workers?.started).toBeGreaterThanOrEqual(1);
    expect(platform.runtime.usage().functions['storefront-webhook']).toMatchObject({ invocations: 1, errors: 0 });
  });
});
