import { afterEach, describe, expect, it } from 'vitest';
import type { LifecycleInput, StepResult } from '../../../core/lifecycles/contracts.ts';
import type { Clock } from '../../../core/time/clock.ts';
import { useIngestDependencies } from '../../../functions/storefront-webhook/handler.ts';
import { bodyOf, errorOf } from '../http/api-support.ts';
import { uniqueId, useHarness } from '../harness.ts';
import { event, orderPlacedEvent, webhookRig, type WebhookRig } from './support.ts';

// Saturday 2025-03-01, 10:00 Shanghai.
const PLACED = '2025-03-01T10:00:00+08:00';
const NOW = '2025-03-01T10:00:05+08:00';

describe('POST /webhooks/storefront applies each event type', () => {
  const { fresh, table } = useHarness();
  afterEach(() => useIngestDependencies(undefined));

  async function placed(rig: WebhookRig, orderId: string, paid = true): Promise<string> {
    const response = await rig.deliver(orderPlacedEvent(orderId, { paid, placedAt: PLACED }));
    expect(response.statusCode).toBe(202);
    return String(bodyOf(response).caseId);
  }

  it('order.placed opens the order case, starts the order workflow with the policy timings, and answers 202', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const orderId = uniqueId('o');
    const response = await rig.deliver(orderPlacedEvent(orderId, { paid: false, placedAt: PLACED }));

    expect(response.statusCode).toBe(202);
    expect(bodyOf(response)).toEqual({ caseId: `order-${orderId}`, status: 'accepted' });
    const stored = await rig.repository.getCase(`order-${orderId}`);
    expect(stored.case).toMatchObject({ type: 'order', status: 'open', orderId });
    expect(stored.timeline.map((e) => [e.kind, e.detail])).toEqual([['case.opened', { eventId: expect.any(String) }]]);
    expect(rig.workflows.started).toHaveLength(1);
    const start = rig.workflows.started[0];
    expect(start?.workflowId).toBe('order');
    expect(start?.name).toBe(`order-${orderId}`);
    const input = start?.input as LifecycleInput;
    expect(input).toMatchObject({ caseId: `order-${orderId}`, caseType: 'order', orderId, data: { paid: false, placedAt: PLACED } });
    // Follow-ups at 10:00 on day 2 and 3; expiry at the end of day 3 (service-standards.md §3).
    expect(input.timings).toEqual({
      paymentWaitSeconds: 600,
      paymentFollowUpsAt: ['2025-03-02T02:00:00.000Z', '2025-03-03T02:00:00.000Z'],
      unpaidExpiresAt: '2025-03-03T16:00:00.000Z',
      reviewCallbackSeconds: 3600,
    });
    expect(rig.events.typesFor(`order-${orderId}`)).toEqual(['CaseOpened']);
  });

  it('replays the first answer to a redelivery and starts nothing', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const body = orderPlacedEvent(uniqueId('o'));
    const first = await rig.deliver(body);
    await rig.clock.advance(60_000);
    const again = await rig.deliver(body);

    expect(again.statusCode).toBe(first.statusCode);
    expect(again.body).toBe(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(rig.workflows.started).toHaveLength(1);
    expect(rig.events.published).toHaveLength(1);
  });

  it('lets one of two simultaneous deliveries of an event apply it; the other is told to retry (503 DeliveryInProgress with Retry-After)', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const body = orderPlacedEvent(uniqueId('o'));
    // The first delivery is held inside its effects (after its claim) until the second was answered.
    const start = rig.workflows.start.bind(rig.workflows);
    let entered!: () => void;
    let release!: () => void;
    const applying = new Promise<void>((resolve) => (entered = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    rig.workflows.start = async (...args) => {
      entered();
      await held;
      return start(...args);
    };
    const first = rig.deliver(body);
    await applying;
    const second = await rig.deliver(body);
    release();
    const responses = [await first, second];
    expect(responses.map((r) => r.statusCode)).toEqual([202, 503]);
    const busy = responses.filter((r) => r.statusCode === 503);
    expect(busy.map((r) => errorOf(r).code)).toEqual(['DeliveryInProgress']);
    expect(busy.map((r) => r.headers['retry-after'])).toEqual(['2']);
    expect(rig.workflows.started).toHaveLength(1);
    expect((await rig.deliver(body)).statusCode).toBe(202);
  });

  it('never opens a second case for a second order.placed about the same order', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const orderId = uniqueId('o');
    const first = await rig.deliver(orderPlacedEvent(orderId));
    const second = await rig.deliver(orderPlacedEvent(orderId));
    expect(bodyOf(second)).toEqual(bodyOf(first));
    expect(rig.workflows.started).toHaveLength(1);
    expect((await rig.repository.listCasesForOrder(orderId)).map((c) => c.id)).toEqual([`order-${orderId}`]);
  });

  it('starts the lifecycle when the retry of a delivery that died before StartExecution finds the case, keeps one an earlier delivery started, and starts none for a closed case', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const orderId = uniqueId('o');
    const body = orderPlacedEvent(orderId);
    const start = rig.workflows.start.bind(rig.workflows);
    rig.workflows.start = () => Promise.reject(new Error('socket hang up'));
    expect((await rig.deliver(body)).statusCode).toBe(500);
    rig.workflows.start = start;

    expect((await rig.deliver(body)).statusCode).toBe(202);
    expect(rig.workflows.started.map((s) => s.name)).toEqual([`order-${orderId}`]);
    expect((await rig.repository.getCase(`order-${orderId}`)).timeline.map((e) => e.kind)).toEqual(['case.opened']);

    // Another order.placed about it after the policy changed: the running lifecycle is kept.
    rig.workflows.start = () => Promise.reject(Object.assign(new Error('Execution Already Exists'), { name: 'ExecutionAlreadyExists' }));
    expect((await rig.deliver(orderPlacedEvent(orderId))).statusCode).toBe(202);

    await rig.repository.closeCase({ caseId: `order-${orderId}`, status: 'cancelled', at: NOW });
    rig.workflows.start = () => Promise.reject(new Error('started the lifecycle of a closed case'));
    expect((await rig.deliver(orderPlacedEvent(orderId))).statusCode).toBe(202);
  });

  it('order.paid completes the open order.payment attempt with outcome paid and answers the workflow', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const orderId = uniqueId('o');
    const caseId = await placed(rig, orderId, false);
    await rig.repository.openStep({ caseId, caseType: 'order', step: 'order.payment', attempt: 1, role: 'presales-cs', openedAt: NOW, due: '2025-03-01T02:40:00Z', taskToken: 'tok-pay-1' });

    const response = await rig.deliver(event('order.paid', { orderId, paidAt: '2025-03-01T10:05:00+08:00' }));
    expect(response.statusCode).toBe(202);
    expect(bodyOf(response)).toEqual({ caseId, status: 'accepted' });
    expect(await rig.repository.getStep({ caseId, step: 'order.payment' })).toMatchObject({ status: 'completed', outcome: 'paid', completedBy: 'storefront' });
    expect(rig.workflows.succeeded).toHaveLength(1);
    expect(rig.workflows.succeeded[0]).toMatchObject({ taskToken: 'tok-pay-1', output: { step: 'order.payment', attempt: 1, outcome: 'paid', completedBy: 'storefront', fields: { paidAt: '2025-03-01T02:05:00.000Z' } } satisfies Partial<StepResult> });
    expect(rig.timers.cancelled.some((name) => name.startsWith('due.order.payment.1'))).toBe(true);
  });

  it('order.paid with no payment step open records the payment on the timeline', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const orderId = uniqueId('o');
    const caseId = await placed(rig, orderId);
    expect((await rig.deliver(event('order.paid', { orderId, paidAt: NOW }))).statusCode).toBe(202);
    expect(rig.workflows.succeeded).toEqual([]);
    const view = await rig.repository.getCase(caseId);
    expect(view.timeline.find((e) => e.kind === 'order.paid')?.detail).toMatchObject({ completedPaymentStep: false });
  });

  it('answers 404 for an event about an unknown order, writing nothing', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const body = event('order.paid', { orderId: uniqueId('missing'), paidAt: NOW });
    const response = await rig.deliver(body);
    expect([response.statusCode, errorOf(response).code]).toEqual([404, 'OrderNotFound']);
    expect(await rig.recorded(body.id)).toBe(false);
  });

  it('order.cancel-requested before handover opens a cancellation case linked to the order', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const orderId = uniqueId('o');
    const orderCaseId = await placed(rig, orderId);
    const response = await rig.deliver(event('order.cancel-requested', { orderId, reason: 'changed my mind' }));
    expect(response.statusCode).toBe(202);
    const cancellationId = String(bodyOf(response).caseId);
    const view = await rig.repository.getCase(cancellationId);
    expect(view.case).toMatchObject({ type: 'cancellation', orderId, data: { reason: 'changed my mind', paymentChannel: 'alipay', orderCaseId } });
    expect(view.links).toEqual([expect.objectContaining({ caseId: orderCaseId, relation: 'originates-from' })]);
    expect((await rig.repository.getCase(orderCaseId)).links).toEqual([expect.objectContaining({ caseId: cancellationId, relation: 'gave-rise' })]);
    expect(rig.workflows.started.map((s) => s.workflowId)).toEqual(['order', 'cancellation']);
  });

  it('refuses order.cancel-requested after the handover to the courier with 409, writing nothing', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const orderId = uniqueId('o');
    const caseId = await placed(rig, orderId);
    await rig.repository.openStep({ caseId, caseType: 'order', step: 'order.pickup', role: 'automatic', openedAt: NOW, taskToken: 'tok-pickup' });
    await rig.repository.completeStep({ caseId, step: 'order.pickup' }, { at: '2025-03-01T05:00:00Z', by: 'pickup-batch' });

    const body = event('order.cancel-requested', { orderId, reason: 'too late' });
    const response = await rig.deliver(body);
    expect(response.statusCode).toBe(409);
    expect(errorOf(response)).toMatchObject({ code: 'OrderAlreadyHandedOver', message: expect.stringContaining('request a return') });
    expect((await rig.repository.listCasesForOrder(orderId)).map((c) => c.type)).toEqual(['order']);
    expect(await rig.recorded(body.id)).toBe(false);
    expect(rig.workflows.started).toHaveLength(1);
  });

  it('refuses a return or exchange of an order still being packed with 409 OrderNotDelivered naming its open step and pointing to a cancellation, writing nothing', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const orderId = uniqueId('o');
    const caseId = await placed(rig, orderId);
    await rig.repository.openStep({ caseId, caseType: 'order', step: 'order.pack', role: 'terminal-admin', openedAt: NOW, taskToken: 'tok-pack' });

    for (const type of ['order.return-requested', 'order.exchange-requested']) {
      const body = event(type, { orderId, reason: 'insist' });
      const response = await rig.deliver(body);
      expect(response.statusCode).toBe(409);
      expect(errorOf(response)).toMatchObject({ code: 'OrderNotDelivered', message: expect.stringMatching(/has not been handed to the courier yet \(open: order\.pack\).*request a cancellation instead \(order\.cancel-requested\)/) });
      expect(await rig.recorded(body.id)).toBe(false);
    }
    expect((await rig.repository.listCasesForOrder(orderId)).map((c) => c.type)).toEqual(['order']);

    // Once the courier has it (in transit, no cancellation any more) the return is accepted.
    await rig.repository.openStep({ caseId, caseType: 'order', step: 'order.pickup', role: 'automatic', openedAt: NOW, taskToken: 'tok-pickup' });
    await rig.repository.completeStep({ caseId, step: 'order.pickup' }, { at: '2025-03-01T05:00:00Z', by: 'pickup-batch' });
    expect((await rig.deliver(event('order.return-requested', { orderId, reason: 'insist' }))).statusCode).toBe(202);
  });

  it('order.delivered completes order.delivery; a later return carries the delivery time and its 7-day window', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const orderId = uniqueId('o');
    const caseId = await placed(rig, orderId);
    await rig.repository.openStep({ caseId, caseType: 'order', step: 'order.delivery', role: 'automatic', openedAt: NOW, taskToken: 'tok-delivery' });

    await rig.clock.advanceTo('2025-03-03T15:00:05+08:00'); // the parcel arrived two days later
    expect((await rig.deliver(event('order.delivered', { orderId, deliveredAt: '2025-03-03T15:00:00+08:00' }))).statusCode).toBe(202);
    expect(await rig.repository.getStep({ caseId, step: 'order.delivery' })).toMatchObject({ status: 'completed', completedBy: 'storefront' });
    expect(rig.workflows.succeeded.map((s) => s.taskToken)).toEqual(['tok-delivery']);

    const response = await rig.deliver(event('order.return-requested', { orderId, reason: 'insist' }));
    const returnCase = await rig.repository.getCase(String(bodyOf(response).caseId));
    // 七日无理由: 7 days from the day after signing (Mon 03-03), ending 24:00 of Mon 03-10 Beijing time (§5).
    expect(returnCase.case).toMatchObject({ type: 'return', data: { deliveredAt: '2025-03-03T07:00:00.000Z', noReasonUntil: '2025-03-10T16:00:00.000Z', noReasonDays: 7 } });
    expect(rig.workflows.started.map((s) => s.workflowId)).toEqual(['order', 'return']);
  });

  it('goods.received completes the return\'s receive step; refund.settled its refund.settle', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const orderId = uniqueId('o');
    await placed(rig, orderId);
    expect((await rig.deliver(event('order.delivered', { orderId, deliveredAt: NOW }))).statusCode).toBe(202);
    const opened = await rig.deliver(event('order.return-requested', { orderId, reason: 'quality' }));
    const returnId = String(bodyOf(opened).caseId);
    await rig.repository.openStep({ caseId: returnId, caseType: 'return', step: 'return.receive', role: 'automatic', openedAt: NOW, taskToken: 'tok-receive' });

    const received = await rig.deliver(event('goods.received', { orderId, receivedAt: NOW }));
    expect(bodyOf(received)).toEqual({ caseId: returnId, status: 'accepted' });
    expect(await rig.repository.getStep({ caseId: returnId, step: 'return.receive' })).toMatchObject({ status: 'completed' });

    await rig.repository.openStep({ caseId: returnId, caseType: 'return', step: 'refund.settle', role: 'automatic', openedAt: NOW, taskToken: 'tok-settle' });
    const settled = await rig.deliver(event('refund.settled', { caseId: returnId, settledAt: NOW }));
    expect(settled.statusCode).toBe(202);
    expect(await rig.repository.getStep({ caseId: returnId, step: 'refund.settle' })).toMatchObject({ status: 'completed' });
    expect(rig.workflows.succeeded.map((s) => s.taskToken)).toEqual(['tok-receive', 'tok-settle']);
  });

  it('refuses goods.received naming a case of the wrong type with 409', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const caseId = await placed(rig, uniqueId('o'));
    const response = await rig.deliver(event('goods.received', { caseId, receivedAt: NOW }));
    expect([response.statusCode, errorOf(response).code]).toEqual([409, 'WrongCaseType']);
  });

  it('complaint.filed opens one complaint case per complaint; stock.out opens a stock case with alert out', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const complaintId = uniqueId('c');
    const complaint = await rig.deliver(event('complaint.filed', { complaintId, customer: { name: 'Li', phone: '139' }, text: 'late parcel' }));
    expect(bodyOf(complaint)).toEqual({ caseId: `complaint-${complaintId}`, status: 'accepted' });
    const stock = await rig.deliver(event('stock.out', { sku: 'PHONE-1', available: 0 }));
    const stockCase = await rig.repository.getCase(String(bodyOf(stock).caseId));
    expect(stockCase.case).toMatchObject({ type: 'stock', data: { sku: 'PHONE-1', alert: 'out' } });
    expect(rig.workflows.started.map((s) => s.workflowId)).toEqual(['complaint', 'stock']);
  });

  it('complaint.filed keeps the filedAt the customer left it at, and records the arrival as filedAt when the storefront sent none', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const [left, arrived] = [uniqueId('c'), uniqueId('c')];
    await rig.deliver(event('complaint.filed', { complaintId: left, customer: { name: 'Li', phone: '139' }, text: 'late parcel', filedAt: '2025-02-28T21:30:00+08:00' }));
    await rig.deliver(event('complaint.filed', { complaintId: arrived, customer: { name: 'Li', phone: '139' }, text: 'late parcel' }));
    expect((await rig.repository.getCase(`complaint-${left}`)).case.data.filedAt).toBe('2025-02-28T13:30:00.000Z');
    expect((await rig.repository.getCase(`complaint-${arrived}`)).case.data.filedAt).toBe('2025-03-01T02:00:05.000Z');
    expect(rig.workflows.started.map((s) => (s.input as { data: { filedAt: string } }).data.filedAt)).toEqual(['2025-02-28T13:30:00.000Z', '2025-03-01T02:00:05.000Z']);
  });
});

describe('idempotency records', () => {
  const { fresh, table } = useHarness();

  it('lets a delivery take over an id whose lease ran out, and not before', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const key = uniqueId('evt');
    const now = rig.clock.now();
    expect(await rig.idempotency.claim(key, 'h1', now, now + 60_000)).toEqual({ kind: 'claimed' });
    expect(await rig.idempotency.claim(key, 'h1', now + 1_000, now + 61_000)).toEqual({ kind: 'in-progress' });
    expect(await rig.idempotency.claim(key, 'h1', now + 60_001, now + 120_001)).toEqual({ kind: 'claimed' });
    await rig.idempotency.complete(key, 'h1', { statusCode: 202, body: '{"caseId":"x","status":"accepted"}' }, now + 7 * 86_400_000);
    expect(await rig.idempotency.claim(key, 'h1', now + 200_000, now + 260_000)).toEqual({ kind: 'completed', response: { statusCode: 202, body: '{"caseId":"x","status":"accepted"}' } });
    useIngestDependencies(undefined);
  });

  it('tells a claim for another payload under a held or answered id that the id was reused', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const key = uniqueId('evt');
    const now = rig.clock.now();
    expect(await rig.idempotency.claim(key, 'h1', now, now + 60_000)).toEqual({ kind: 'claimed' });
    expect(await rig.idempotency.claim(key, 'h2', now + 1_000, now + 61_000)).toEqual({ kind: 'reused' });
    await rig.idempotency.complete(key, 'h1', { statusCode: 202, body: '{}' }, now + 86_400_000);
    expect(await rig.idempotency.claim(key, 'h2', now + 2_000, now + 62_000)).toEqual({ kind: 'reused' });
    useIngestDependencies(undefined);
  });
});

describe('the in-flight lease of a delivery after a clock is set back', () => {
  const { fresh, table } = useHarness();
  afterEach(() => useIngestDependencies(undefined));
  // The measure: a business clock set back 36.7 h kept a redelivery at 503 "retry in 2 s" for 36.7 h.
  const REWIND_MS = 36.7 * 3600_000;

  it('runs on the real (transport) clock: a business clock jumped back does not keep a stranded delivery at 503', async () => {
    const real = fresh('2025-03-03T10:00:00+08:00');
    let shift = 0;
    const business: Clock = { now: () => real.clock.now() + shift, schedule: (at, fn) => real.clock.schedule(at - shift, fn) };
    const rig = webhookRig({ ...real, clock: business, transportClock: real.clock }, table());
    const body = orderPlacedEvent(uniqueId('o'));
    // The first delivery claims the id, then hangs inside its effects (a Lambda that died mid-way).
    let entered!: () => void;
    const applying = new Promise<void>((resolve) => (entered = resolve));
    const start = rig.workflows.start.bind(rig.workflows);
    let hang = true;
    rig.workflows.start = async (...args) => {
      if (hang) {
        entered();
        await new Promise<never>(() => {});
      }
      return start(...args);
    };
    void rig.deliver(body);
    await applying;
    hang = false;

    shift = -REWIND_MS;
    expect((await rig.deliver(body)).statusCode).toBe(503);
    await real.clock.advance(61_000);
    const retried = await rig.deliver(body);
    expect([retried.statusCode, bodyOf(retried).status]).toEqual([202, 'accepted']);
  });

  it('takes over a lease that ends more than a whole lease beyond its own horizon (written before the real clock went back)', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const key = uniqueId('evt');
    const now = rig.clock.now();
    expect(await rig.idempotency.claim(key, 'h1', now, now + 60_000)).toEqual({ kind: 'claimed' });
    const rewound = now - REWIND_MS;
    expect(await rig.idempotency.claim(key, 'h1', rewound, rewound + 60_000)).toEqual({ kind: 'claimed' });
    // A concurrent delivery whose clock reads a little earlier still sees the live lease.
    expect(await rig.idempotency.claim(key, 'h1', rewound - 500, rewound + 59_500)).toEqual({ kind: 'in-progress' });
  });
});
