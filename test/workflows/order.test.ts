import { describe, expect, it } from 'vitest';
import { HOUR, LifecycleRig, MINUTE, ORDER_HAPPY_STEPS, T0, paidOrder } from './rig.ts';

const HAPPY_PATH = ['Paid?', 'order.review', 'Review outcome', 'order.pack', 'order.crm-bind', 'order.dispatch', 'order.pickup', 'order.delivery', 'Close completed'];

describe('order lifecycle (paid at placement)', () => {
  it('runs review, pack, crm-bind, dispatch, pickup and delivery, then closes completed in at most 20 transitions', async () => {
    const rig = new LifecycleRig();
    const arn = await rig.start(paidOrder());
    await rig.complete('order-1', 'order.review', { outcome: 'confirmed' });
    await rig.complete('order-1', 'order.pack', { fields: { serialNumbers: ['IMEI-1'], invoiceNo: 'INV-1' } });
    await rig.completeAll('order-1', ['order.crm-bind', 'order.dispatch', 'order.pickup']);
    expect((await rig.describe(arn)).status).toBe('RUNNING');
    await rig.complete('order-1', 'order.delivery');

    const execution = await rig.describe(arn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? 'null')).toEqual({ caseId: 'order-1', status: 'completed' });
    expect(rig.stepsOpened('order-1')).toEqual(ORDER_HAPPY_STEPS);
    expect(rig.actions).toEqual([{ action: 'close-case', caseId: 'order-1', status: 'completed' }]);
    const path = await rig.path(arn);
    expect(path).toEqual(HAPPY_PATH);
    expect(path.length).toBeLessThanOrEqual(20);
  });

  it('opens every step for its case with the task token, and the review and the pickup counting from the placement', async () => {
    const rig = new LifecycleRig();
    await rig.start(paidOrder());
    // 下单后30分钟内: the review's clock starts at placedAt, however late the webhook came.
    // readyAt (max(placedAt, paidAt)) gives every order step its planned batch and batch target (§2).
    expect(rig.openRequest('order-1', 'order.review')).toEqual({ caseId: 'order-1', caseType: 'order', step: 'order.review', taskToken: expect.stringMatching(/^AQ/), attempt: 1, deadlineFrom: T0, readyAt: T0 });
    await rig.clock.advance(2 * HOUR);
    await rig.complete('order-1', 'order.review', { outcome: 'confirmed' });
    await rig.completeAll('order-1', ['order.pack', 'order.crm-bind', 'order.dispatch']);
    for (const step of ['order.pack', 'order.crm-bind', 'order.dispatch']) expect(rig.openRequest('order-1', step)).toMatchObject({ step, readyAt: T0 });
    expect(rig.openRequest('order-1', 'order.pickup')).toMatchObject({ step: 'order.pickup', deadlineFrom: T0 });
    expect(rig.openRequest('order-1', 'order.pickup').taskToken).not.toBe(rig.openRequest('order-1', 'order.dispatch').taskToken);
  });

  // Seed §3.2 "(如果付款)即时返款到您的付款账户"; service-standards §4: a paid order cancelled at review is refunded as a confirmed cancel.verify.
  it('asks for the refund of a paid order, then closes the case cancelled when review ends cancelled', async () => {
    const rig = new LifecycleRig();
    const arn = await rig.start(paidOrder());
    await rig.complete('order-1', 'order.review', { outcome: 'cancelled' });

    expect(await rig.path(arn)).toEqual(['Paid?', 'order.review', 'Review outcome', 'Refund if paid', 'Close cancelled']);
    expect(rig.actions).toEqual([
      { action: 'refund-cancelled-order', caseId: 'order-1' },
      { action: 'close-case', caseId: 'order-1', status: 'cancelled', reason: 'cancelled at review' },
    ]);
    expect(rig.stepsOpened('order-1')).toEqual(['order.review']);
    expect((await rig.describe(arn)).status).toBe('SUCCEEDED');
  });

  it('re-opens review as the next attempt counting from the agreed callback time when review ends callback', async () => {
    const rig = new LifecycleRig();
    const arn = await rig.start(paidOrder());
    const callbackAt = '2025-03-01T11:30:00+08:00';
    await rig.complete('order-1', 'order.review', { outcome: 'callback', fields: { callbackAt } });
    expect(rig.openRequest('order-1', 'order.review', 2)).toMatchObject({ attempt: 2, deadlineFrom: callbackAt });

    await rig.complete('order-1', 'order.review', { outcome: 'confirmed' }, 2);
    expect(rig.stepsOpened('order-1')).toEqual(['order.review', 'order.review#2', 'order.pack']);
    expect((await rig.path(arn)).slice(0, 6)).toEqual(['Paid?', 'order.review', 'Review outcome', 'order.review', 'Review outcome', 'order.pack']);
  });

  it('counts a callback without an agreed time from the completion plus timings.reviewCallbackSeconds', async () => {
    const rig = new LifecycleRig();
    await rig.start({ ...paidOrder(), timings: { reviewCallbackSeconds: 3600 } });
    await rig.clock.advance(10 * MINUTE);
    await rig.complete('order-1', 'order.review', { outcome: 'callback' });
    expect(rig.openRequest('order-1', 'order.review', 2).deadlineFrom).toBe('2025-03-01T03:10:00.000Z');
  });
});
