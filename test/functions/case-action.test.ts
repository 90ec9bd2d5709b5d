import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { caseItem } from '../../adapters/case-repository/items.ts';
import type { CaseRecord } from '../../core/cases/case.ts';
import { DetailType } from '../../core/ports/events.ts';
import { createCaseAction } from '../../functions/case-action/case-action.ts';
import { OrderAlreadyHandedOver } from '../../functions/case-action/errors.ts';
import { createOpenStep } from '../../functions/open-step/open-step.ts';
import { givenCase, uniqueId, useHarness, type Harness } from './harness.ts';

async function orderWithOpenSteps(h: Harness): Promise<{ orderCaseId: string; orderId: string; executionArn: string }> {
  const orderId = uniqueId('SO');
  const orderCaseId = await givenCase(h, 'order', { orderId });
  // The lifecycle execution is named after the case: its ARN is derived, not stored.
  const executionArn = `arn:aws:states:us-east-1:000000000000:execution:order:${orderCaseId}`;
  await createOpenStep(h)({ caseId: orderCaseId, caseType: 'order', step: 'order.review', taskToken: 'tok-review' });
  return { orderCaseId, orderId, executionArn };
}

describe('case-action', () => {
  const { fresh, table } = useHarness();

  it('cancel-order stops the order execution, cancels its open steps and closes it cancelled', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const { orderCaseId, orderId, executionArn } = await orderWithOpenSteps(h);
    const cancellation = await givenCase(h, 'cancellation', { orderId });
    await h.clock.advanceTo('2025-03-03T10:20:00+08:00');
    const act = createCaseAction(h);

    const result = await act({ action: 'cancel-order', caseId: cancellation, orderId });

    expect(result).toEqual({ ok: true, caseId: orderCaseId, parcelToRetrieve: false, paid: false }); // still in review: nothing was dispatched, nothing paid
    expect(h.workflows.stopped).toEqual([{ executionArn, cause: `cancelled by case ${cancellation}` }]);
    const order = await h.repository.getCase(orderCaseId);
    expect(order.case).toMatchObject({ status: 'cancelled', closedAt: '2025-03-03T02:20:00.000Z' });
    expect(order.steps.map((s) => [s.step, s.status])).toEqual([['order.review', 'cancelled']]);
    expect(h.events.typesFor(orderCaseId)).toEqual(['StepOpened', 'StepCancelled', 'CaseClosed']);
    expect(h.timers.pending(orderCaseId)).toEqual([]);

    // A retried Task changes nothing and emits nothing more.
    expect(await act({ action: 'cancel-order', caseId: cancellation, orderId })).toEqual({ ok: true, caseId: orderCaseId, parcelToRetrieve: false, paid: false });
    expect(h.workflows.stopped).toHaveLength(1);
    expect(h.events.typesFor(orderCaseId)).toHaveLength(3);
  });

  it('cancel-order stops the execution an older case stored with it', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const orderId = uniqueId('SO');
    const orderCaseId = uniqueId('order');
    const stored = `arn:aws:states:us-east-1:000000000000:execution:sla-platform-order:${orderCaseId}`;
    const record: CaseRecord = { id: orderCaseId, type: 'order', status: 'open', orderId, openedAt: '2025-03-03T02:00:00.000Z', executionArn: stored, data: {} };
    await DynamoDBDocumentClient.from(table().client).send(new PutCommand({ TableName: table().tableName, Item: caseItem(record, 2) }));
    const cancellation = await givenCase(h, 'cancellation', { orderId });

    await createCaseAction(h)({ action: 'cancel-order', caseId: cancellation, orderId });

    expect(h.workflows.stopped).toEqual([{ executionArn: stored, cause: `cancelled by case ${cancellation}` }]);
  });

  it('cancel-order refuses an order already handed to the courier, changing nothing', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const { orderCaseId, orderId } = await orderWithOpenSteps(h);
    await createOpenStep(h)({ caseId: orderCaseId, caseType: 'order', step: 'order.pickup', taskToken: 'tok-pickup', deadlineFrom: '2025-03-03T10:00:00+08:00' });
    await h.repository.completeStep({ caseId: orderCaseId, step: 'order.pickup' }, { at: '2025-03-03T05:00:00.000Z', by: 'pickup-batch' });
    const cancellation = await givenCase(h, 'cancellation', { orderId });

    const attempt = createCaseAction(h)({ action: 'cancel-order', caseId: cancellation, orderId });

    await expect(attempt).rejects.toBeInstanceOf(OrderAlreadyHandedOver);
    await expect(attempt).rejects.toMatchObject({ name: 'OrderAlreadyHandedOver', status: 409 });
    expect(h.workflows.stopped).toEqual([]);
    expect((await h.repository.getCase(orderCaseId)).case.status).toBe('open');
  });

  it('close-case closes the case once and emits CaseClosed once', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await givenCase(h, 'return');
    const act = createCaseAction(h);

    await act({ action: 'close-case', caseId, status: 'rejected', reason: 'damage' });
    await act({ action: 'close-case', caseId, status: 'rejected', reason: 'damage' });

    expect((await h.repository.getCase(caseId)).case.status).toBe('rejected');
    expect(h.events.ofType(DetailType.CaseClosed, caseId).map((e) => e.detail)).toEqual([
      { caseId, caseType: 'return', status: 'rejected', closedAt: '2025-03-03T02:00:00.000Z', reason: 'damage' },
    ]);
  });

  it('open-linked-case creates the case, links both sides and starts its lifecycle, once', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const orderId = uniqueId('SO');
    const returnCase = await givenCase(h, 'return', { orderId });
    const act = createCaseAction(h);
    const request = { action: 'open-linked-case' as const, caseId: returnCase, type: 'exchange' as const, relation: 'converted-to' as const, data: { reason: 'quality' } };

    const first = await act(request);
    const again = await act(request);

    expect(again.caseId).toBe(first.caseId);
    const linked = first.caseId ?? '';
    const view = await h.repository.getCase(linked);
    expect(view.case).toMatchObject({ type: 'exchange', orderId, status: 'open' });
    expect(view.case).not.toHaveProperty('executionArn');
    expect(view.links).toMatchObject([{ caseId: returnCase, relation: 'converted-from' }]);
    expect((await h.repository.getCase(returnCase)).links).toMatchObject([{ caseId: linked, relation: 'converted-to' }]);
    expect(h.workflows.started[0]).toEqual({ workflowId: 'exchange', name: linked, input: { caseId: linked, caseType: 'exchange', orderId, data: { reason: 'quality' }, timings: {} } });
    expect(h.events.ofType(DetailType.CaseOpened)).toHaveLength(1);
    expect(h.events.ofType(DetailType.CaseLinked)[0]?.detail).toMatchObject({ caseId: returnCase, otherCaseId: linked, relation: 'converted-to' });
  });

  it('notify-refund and record put the fact on the timeline and the bus', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await givenCase(h, 'cancellation');
    const act = createCaseAction(h);

    await act({ action: 'notify-refund', caseId, channel: 'alipay' });
    await act({ action: 'record', caseId, event: 'OrderHandedOver', detail: { batchId: '2025-03-03T13:00' } });

    const timeline = (await h.repository.getCase(caseId)).timeline;
    expect(timeline.map((e) => e.kind).sort()).toEqual(['record', 'refund.requested']); // same instant: the timeline orders them by id
    expect(h.events.typesFor(caseId)).toEqual(['RefundRequested', 'CaseFactRecorded']);
    expect(h.events.ofType(DetailType.CaseFactRecorded)[0]?.detail).toMatchObject({ event: 'OrderHandedOver', detail: { batchId: '2025-03-03T13:00' } });
  });

  // Seed §3.2 "(如果付款)即时返款到您的付款账户": the workflow refunds only what was paid (service-standards §4).
  it.each([
    ['paid at placement', { paid: true }, undefined, true],
    ['placed unpaid, paid later (order.paid on its timeline)', { paid: false }, 'order.paid', true],
    ['placed unpaid and never paid', { paid: false }, undefined, false],
  ] as const)('cancel-order says whether the order was paid: %s', async (_what, data, fact, paid) => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const orderId = uniqueId('SO');
    const orderCaseId = await givenCase(h, 'order', { orderId, data });
    if (fact) await h.repository.appendTimeline(orderCaseId, { id: fact, at: '2025-03-03T02:05:00.000Z', kind: fact, detail: { paidAt: '2025-03-03T02:05:00.000Z' } });
    const cancellation = await givenCase(h, 'cancellation', { orderId });

    expect(await createCaseAction(h)({ action: 'cancel-order', caseId: cancellation, orderId })).toEqual({ ok: true, caseId: orderCaseId, parcelToRetrieve: false, paid });
  });

  it('refund-cancelled-order opens a linked cancellation case for a paid order cancelled at review, on the order’s channel, once', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const orderId = uniqueId('SO');
    const orderCaseId = await givenCase(h, 'order', { orderId, data: { orderId, paid: true, paymentChannel: 'boc', items: [{ sku: 'P', qty: 1 }] } });
    const act = createCaseAction(h);

    const first = await act({ action: 'refund-cancelled-order', caseId: orderCaseId });
    expect(await act({ action: 'refund-cancelled-order', caseId: orderCaseId })).toEqual(first);

    expect(first).toEqual({ ok: true, paid: true, caseId: `cancellation-of-${orderCaseId}` });
    const refund = await h.repository.getCase(`cancellation-of-${orderCaseId}`);
    expect(refund.case).toMatchObject({ type: 'cancellation', orderId, data: { cancelledBy: 'order.review', paid: true, paymentChannel: 'boc', orderCaseId } });
    expect(refund.links).toMatchObject([{ caseId: orderCaseId, relation: 'originates-from' }]);
    expect(h.workflows.started.map((s) => [s.workflowId, s.name])).toEqual([['cancellation', `cancellation-of-${orderCaseId}`]]);
  });

  it('refund-cancelled-order opens nothing for an order that was never paid', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const orderCaseId = await givenCase(h, 'order', { orderId: uniqueId('SO'), data: { paid: false, paymentChannel: 'alipay' } });

    expect(await createCaseAction(h)({ action: 'refund-cancelled-order', caseId: orderCaseId })).toEqual({ ok: true, paid: false });
    expect(h.workflows.started).toEqual([]);
    expect((await h.repository.getCase(orderCaseId)).links).toEqual([]);
  });

  // service-standards §5: "a failed inspection withdraws the pending refund (a timeline entry says so)".
  it('withdraw-refund puts refund.withdrawn with its reason on the timeline and RefundWithdrawn on the bus', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await givenCase(h, 'return');

    await createCaseAction(h)({ action: 'withdraw-refund', caseId, channel: 'alipay', reason: 'the returned goods failed the inspection' });

    expect((await h.repository.getCase(caseId)).timeline).toMatchObject([{ id: 'refund.withdrawn', kind: 'refund.withdrawn', detail: { channel: 'alipay', reason: 'the returned goods failed the inspection' } }]);
    expect(h.events.ofType(DetailType.CaseFactRecorded)[0]?.detail).toMatchObject({ caseId, event: 'RefundWithdrawn', detail: { channel: 'alipay' } });
  });
});
