import { describe, expect, it } from 'vitest';
import type { LifecycleInput } from '../../core/lifecycles/contracts.ts';
import { LifecycleRig, MINUTE, T0, paidOrder } from './rig.ts';

// Placed unpaid on Saturday 2025-03-01 10:00 Shanghai; follow-ups at 10:00 on days 2 and 3; expires at the end of day 3.
const FOLLOW_UP_2 = '2025-03-02T02:00:00.000Z';
const FOLLOW_UP_3 = '2025-03-03T02:00:00.000Z';
const EXPIRES = '2025-03-03T16:00:00.000Z';
const WAIT_ENDS = '2025-03-01T02:10:00.000Z';

function unpaidOrder(): LifecycleInput {
  const order = paidOrder();
  return { ...order, data: { ...order.data, paid: false }, timings: { paymentWaitSeconds: 600, paymentFollowUpsAt: [FOLLOW_UP_2, FOLLOW_UP_3], unpaidExpiresAt: EXPIRES } };
}

const paid = { outcome: 'paid', completedBy: 'webhook' };
const reminded = { outcome: 'reminded', completedBy: 'presales-1' };

describe('order lifecycle (placed unpaid)', () => {
  it('opens payment follow-up 1 at placement, counting from the end of the payment wait', async () => {
    const rig = new LifecycleRig();
    await rig.start(unpaidOrder());
    expect(rig.stepsOpened('order-1')).toEqual(['order.payment']);
    expect(rig.openRequest('order-1', 'order.payment')).toMatchObject({ attempt: 1, deadlineFrom: WAIT_ENDS });
    expect(rig.openRequest('order-1', 'order.payment').role).toBeUndefined();
  });

  it('goes on to review when order.paid ends the wait before the first follow-up', async () => {
    const rig = new LifecycleRig();
    const arn = await rig.start(unpaidOrder());
    await rig.clock.advance(5 * MINUTE);
    await rig.complete('order-1', 'order.payment', paid);

    expect(rig.stepsOpened('order-1')).toEqual(['order.payment', 'order.review']);
    expect(await rig.path(arn)).toEqual(['Paid?', 'order.payment', 'Payment outcome', 'order.review']);
    // The review counts from the payment (the webhook's paidAt, else the completion), not from the placement.
    expect(rig.openRequest('order-1', 'order.review').deadlineFrom).toBe('2025-03-01T02:05:00.000Z');
  });

  it('counts the review from the paidAt the order.paid webhook reported', async () => {
    const rig = new LifecycleRig();
    await rig.start(unpaidOrder());
    await rig.clock.advance(5 * MINUTE);
    await rig.complete('order-1', 'order.payment', { ...paid, fields: { paidAt: '2025-03-01T02:03:00.000Z' } });
    expect(rig.openRequest('order-1', 'order.review').deadlineFrom).toBe('2025-03-01T02:03:00.000Z');
  });

  // "您5点之前付款以后我们今天就能发出去了哦" (seed l.208–210): the promise runs from the payment, so the
  // planned pickup batch and every batch target count from max(placedAt, paidAt), not from the placement.
  it('plans the pickup and the batch targets from the payment of an order paid a day after it was placed', async () => {
    const rig = new LifecycleRig();
    await rig.start(unpaidOrder());
    await rig.clock.advanceTo(Date.parse(FOLLOW_UP_2) + 5 * 60 * MINUTE);
    const paidAt = '2025-03-02T07:00:00.000Z'; // day 2, 15:00 Shanghai
    await rig.complete('order-1', 'order.payment', { ...paid, fields: { paidAt } }, 2);
    expect(rig.openRequest('order-1', 'order.review')).toMatchObject({ deadlineFrom: paidAt, readyAt: paidAt });
    await rig.complete('order-1', 'order.review', { outcome: 'confirmed' });
    await rig.completeAll('order-1', ['order.pack', 'order.crm-bind', 'order.dispatch']);
    for (const step of ['order.pack', 'order.crm-bind', 'order.dispatch']) expect(rig.openRequest('order-1', step)).toMatchObject({ readyAt: paidAt });
    expect(rig.openRequest('order-1', 'order.pickup')).toMatchObject({ deadlineFrom: paidAt });
  });

  it('opens follow-up 2 at its checkpoint when follow-up 1 was not done, and goes on to review when paid after follow-up 2', async () => {
    const rig = new LifecycleRig();
    const arn = await rig.start(unpaidOrder());
    await rig.clock.advanceTo(Date.parse(FOLLOW_UP_2) - 1000);
    expect(rig.stepsOpened('order-1')).toEqual(['order.payment']);
    await rig.clock.advanceTo(FOLLOW_UP_2);
    expect(rig.stepsOpened('order-1')).toEqual(['order.payment', 'order.payment#2']);
    expect(rig.openedTime('order-1', 'order.payment', 2)).toBe(FOLLOW_UP_2);
    expect(rig.openRequest('order-1', 'order.payment', 2).deadlineFrom).toBe(FOLLOW_UP_2);

    await rig.clock.advance(20 * MINUTE);
    await rig.complete('order-1', 'order.payment', reminded, 2);
    // The wait goes on as follow-up 3, so that order.paid can still end it.
    expect(rig.openRequest('order-1', 'order.payment', 3).deadlineFrom).toBe(FOLLOW_UP_3);
    await rig.clock.advance(3 * 60 * MINUTE);
    await rig.complete('order-1', 'order.payment', paid, 3);

    expect(rig.stepsOpened('order-1')).toEqual(['order.payment', 'order.payment#2', 'order.payment#3', 'order.review']);
    expect(await rig.path(arn)).toEqual(['Paid?', 'order.payment', 'Payment checkpoint', 'order.payment', 'Payment outcome', 'order.payment', 'Payment outcome', 'order.review']);
    expect((await rig.harness.types(arn)).filter((t) => t === 'TaskTimedOut')).toHaveLength(1);
    expect(rig.actions).toEqual([]);
  });

  it('expires at the end of day 3 when nobody pays, after opening follow-ups at placement and at 10:00 on days 2 and 3', async () => {
    const rig = new LifecycleRig();
    const arn = await rig.start(unpaidOrder());
    await rig.clock.advanceTo(Date.parse(EXPIRES) - 1000);
    expect((await rig.describe(arn)).status).toBe('RUNNING');
    expect(rig.actions).toEqual([]);
    await rig.clock.advanceTo(EXPIRES);

    expect(rig.stepsOpened('order-1')).toEqual(['order.payment', 'order.payment#2', 'order.payment#3']);
    expect([1, 2, 3].map((n) => rig.openedTime('order-1', 'order.payment', n))).toEqual([T0, FOLLOW_UP_2, FOLLOW_UP_3]);
    expect(rig.actions).toEqual([{ action: 'close-case', caseId: 'order-1', status: 'expired', reason: 'unpaid at the end of day 3' }]);
    const execution = await rig.describe(arn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? 'null')).toEqual({ caseId: 'order-1', status: 'expired' });
    expect((await rig.path(arn)).at(-2)).toBe('Payment checkpoint');
  });

  it('keeps an automatic payment wait open after the last follow-up was reminded, so a payment before the expiry still counts', async () => {
    const rig = new LifecycleRig();
    await rig.start(unpaidOrder());
    await rig.complete('order-1', 'order.payment', reminded, 1);
    await rig.complete('order-1', 'order.payment', reminded, 2);
    await rig.complete('order-1', 'order.payment', reminded, 3);
    expect(rig.openRequest('order-1', 'order.payment', 4)).toMatchObject({ attempt: 4, role: 'automatic', deadlineFrom: EXPIRES });
    await rig.clock.advanceTo(Date.parse(EXPIRES) - MINUTE);
    await rig.complete('order-1', 'order.payment', paid, 4);
    expect(rig.stepsOpened('order-1').at(-1)).toBe('order.review');
    expect(rig.actions).toEqual([]);
  });

  it('expires after the last follow-up was reminded when nobody pays', async () => {
    const rig = new LifecycleRig();
    const arn = await rig.start(unpaidOrder());
    for (const attempt of [1, 2, 3]) await rig.complete('order-1', 'order.payment', reminded, attempt);
    await rig.clock.advanceTo(EXPIRES);
    expect(rig.actions).toEqual([{ action: 'close-case', caseId: 'order-1', status: 'expired', reason: 'unpaid at the end of day 3' }]);
    expect((await rig.describe(arn)).status).toBe('SUCCEEDED');
  });
});
