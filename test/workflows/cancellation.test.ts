import { describe, expect, it } from 'vitest';
import type { LifecycleInput } from '../../core/lifecycles/contracts.ts';
import { LifecycleRig, paidOrder } from './rig.ts';

const cancellation = (channel = 'boc'): LifecycleInput => ({
  caseId: 'cancel-1',
  caseType: 'cancellation',
  orderId: 'SO-1',
  data: { orderId: 'SO-1', reason: 'changed my mind', paymentChannel: channel },
  timings: {},
});

describe('cancellation lifecycle', () => {
  it('confirmed: stops the order, notifies the refund, waits for the refund by channel, closes completed', async () => {
    const rig = new LifecycleRig();
    const order = await rig.start(paidOrder());
    await rig.complete('order-1', 'order.review', { outcome: 'confirmed' });
    const arn = await rig.start(cancellation());
    await rig.complete('cancel-1', 'cancel.verify', { outcome: 'confirmed' });

    expect(await rig.describe(order)).toMatchObject({ status: 'ABORTED', error: 'OrderCancelled', cause: 'cancelled by case cancel-1' });
    expect(rig.openRequest('cancel-1', 'refund.settle')).toMatchObject({ caseType: 'cancellation', facts: { channel: 'boc' } });
    expect((await rig.describe(arn)).status).toBe('RUNNING');
    await rig.complete('cancel-1', 'refund.settle', { completedBy: 'webhook' });

    expect(rig.actionsOf('cancel-1')).toEqual([
      { action: 'cancel-order', caseId: 'cancel-1', orderId: 'SO-1' },
      { action: 'notify-refund', caseId: 'cancel-1', channel: 'boc' },
      { action: 'close-case', caseId: 'cancel-1', status: 'completed' },
    ]);
    expect(rig.stepsOpened('cancel-1')).toEqual(['cancel.verify', 'refund.settle']);
    expect(await rig.path(arn)).toEqual(['Cancelled at review?', 'cancel.verify', 'Verify outcome', 'Cancel order', 'Parcel to retrieve?', 'Paid?', 'cancel.refund', 'refund.settle', 'Close completed']);
    expect(JSON.parse((await rig.describe(arn)).output ?? 'null')).toEqual({ caseId: 'cancel-1', status: 'completed' });
  });

  it('dispatched but not picked up: the picker takes the parcel back (cancel.retrieve) before the refund is requested', async () => {
    const rig = new LifecycleRig();
    await rig.start(paidOrder());
    rig.dispatched.add('SO-1');
    const arn = await rig.start(cancellation());
    await rig.complete('cancel-1', 'cancel.verify', { outcome: 'confirmed' });

    expect(rig.stepsOpened('cancel-1')).toEqual(['cancel.verify', 'cancel.retrieve']);
    expect(rig.actionsOf('cancel-1').map((a) => a.action)).toEqual(['cancel-order']); // no refund yet
    await rig.complete('cancel-1', 'cancel.retrieve');
    expect(rig.actionsOf('cancel-1').map((a) => a.action)).toEqual(['cancel-order', 'notify-refund']);
    expect(rig.stepsOpened('cancel-1')).toEqual(['cancel.verify', 'cancel.retrieve', 'refund.settle']);
    await rig.complete('cancel-1', 'refund.settle', { completedBy: 'webhook' });
    expect(await rig.path(arn)).toEqual(['Cancelled at review?', 'cancel.verify', 'Verify outcome', 'Cancel order', 'Parcel to retrieve?', 'cancel.retrieve', 'Paid?', 'cancel.refund', 'refund.settle', 'Close completed']);
  });

  it('a stopped order opens no further step, even when its open step is completed afterwards', async () => {
    const rig = new LifecycleRig();
    const order = await rig.start(paidOrder());
    await rig.complete('order-1', 'order.review', { outcome: 'confirmed' });
    await rig.start(cancellation('alipay'));
    await rig.complete('cancel-1', 'cancel.verify', { outcome: 'confirmed' });

    await expect(rig.complete('order-1', 'order.pack')).rejects.toMatchObject({ name: 'TaskTimedOut' });
    expect(rig.stepsOpened('order-1')).toEqual(['order.review', 'order.pack']);
    expect(rig.actionsOf('order-1')).toEqual([]);
    expect((await rig.harness.types(order)).at(-1)).toBe('ExecutionAborted');
  });

  it('withdrawn: closes the cancellation cancelled and leaves the order running', async () => {
    const rig = new LifecycleRig();
    const order = await rig.start(paidOrder());
    const arn = await rig.start(cancellation());
    await rig.complete('cancel-1', 'cancel.verify', { outcome: 'withdrawn' });

    expect(rig.actionsOf('cancel-1')).toEqual([{ action: 'close-case', caseId: 'cancel-1', status: 'cancelled', reason: 'withdrawn by the customer' }]);
    expect(await rig.path(arn)).toEqual(['Cancelled at review?', 'cancel.verify', 'Verify outcome', 'Close cancelled']);
    expect((await rig.describe(order)).status).toBe('RUNNING');
  });

  it('closes rejected without a refund when the order was handed to the courier meanwhile', async () => {
    const rig = new LifecycleRig();
    await rig.start(paidOrder());
    rig.handedOver.add('SO-1');
    const arn = await rig.start(cancellation());
    await rig.complete('cancel-1', 'cancel.verify', { outcome: 'confirmed' });

    expect(rig.actionsOf('cancel-1').map((a) => a.action)).toEqual(['cancel-order', 'close-case']);
    expect(rig.actionsOf('cancel-1')[1]).toMatchObject({ status: 'rejected' });
    expect(await rig.path(arn)).toEqual(['Cancelled at review?', 'cancel.verify', 'Verify outcome', 'Cancel order', 'Close rejected']);
    expect((await rig.describe(arn)).status).toBe('SUCCEEDED');
  });

  // Seed §3.2 "(如果付款)即时返款到您的付款账户": refunds only for money received (service-standards §4).
  it('confirmed on an unpaid order: stops the order and closes completed without any refund step', async () => {
    const rig = new LifecycleRig();
    const unpaid = paidOrder();
    await rig.start({ ...unpaid, data: { ...unpaid.data, paid: false } });
    rig.unpaid.add('SO-1');
    const arn = await rig.start(cancellation());
    await rig.complete('cancel-1', 'cancel.verify', { outcome: 'confirmed' });

    expect(rig.actionsOf('cancel-1')).toEqual([
      { action: 'cancel-order', caseId: 'cancel-1', orderId: 'SO-1' },
      { action: 'close-case', caseId: 'cancel-1', status: 'completed', reason: 'the order was cancelled unpaid: nothing to refund' },
    ]);
    expect(rig.stepsOpened('cancel-1')).toEqual(['cancel.verify']);
    expect(await rig.path(arn)).toEqual(['Cancelled at review?', 'cancel.verify', 'Verify outcome', 'Cancel order', 'Parcel to retrieve?', 'Paid?', 'Close unpaid']);
    expect((await rig.describe(arn)).status).toBe('SUCCEEDED');
  });

  // service-standards §4: "An order.review outcome cancelled on a paid order refunds it exactly as a confirmed cancel.verify does".
  it('opened by a review that cancelled a paid order: no call, no order to stop; cancel.refund then refund.settle on the order’s channel', async () => {
    const rig = new LifecycleRig();
    const input: LifecycleInput = {
      caseId: 'cancellation-of-order-1',
      caseType: 'cancellation',
      orderId: 'SO-1',
      data: { orderId: 'SO-1', orderCaseId: 'order-1', cancelledBy: 'order.review', paid: true, paymentChannel: 'bank-card', reason: 'cancelled at order review' },
      timings: {},
    };
    const arn = await rig.start(input);
    expect(rig.openRequest('cancellation-of-order-1', 'refund.settle')).toMatchObject({ facts: { channel: 'bank-card' } });
    await rig.complete('cancellation-of-order-1', 'refund.settle', { completedBy: 'webhook' });

    expect(rig.actionsOf('cancellation-of-order-1')).toEqual([
      { action: 'notify-refund', caseId: 'cancellation-of-order-1', channel: 'bank-card' },
      { action: 'close-case', caseId: 'cancellation-of-order-1', status: 'completed' },
    ]);
    expect(rig.stepsOpened('cancellation-of-order-1')).toEqual(['refund.settle']);
    expect(await rig.path(arn)).toEqual(['Cancelled at review?', 'Paid?', 'cancel.refund', 'refund.settle', 'Close completed']);
  });
});
