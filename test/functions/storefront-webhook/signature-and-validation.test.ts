import { afterEach, describe, expect, it } from 'vitest';
import { signStorefrontPayload } from '../../../core/storefront/signature.ts';
import { offsetClock } from '../../../core/time/clock.ts';
import { loadCaseRules } from '../../../functions/storefront-webhook/case-rules.ts';
import { handler, useIngestDependencies } from '../../../functions/storefront-webhook/handler.ts';
import { DynamoDbIdempotencyStore } from '../../../functions/storefront-webhook/idempotency-dynamodb.ts';
import { apiEvent, bodyOf, errorOf, lambdaContext } from '../http/api-support.ts';
import { uniqueId, useHarness } from '../harness.ts';
import { event, orderPlacedEvent, PARTITION, SECRET, webhookRig, type WebhookRig } from './support.ts';

const NOW = '2025-03-01T10:00:05+08:00';

describe('POST /webhooks/storefront refuses bad deliveries and writes nothing', () => {
  const { fresh, table } = useHarness();
  afterEach(() => useIngestDependencies(undefined));

  async function expectNothingWritten(rig: WebhookRig, body: { id: string; data: { orderId: string } }): Promise<void> {
    expect(await rig.recorded(body.id)).toBe(false);
    expect(await rig.repository.findCaseByOrderId(body.data.orderId)).toBeUndefined();
    expect(rig.workflows.started).toEqual([]);
    expect(rig.events.published).toEqual([]);
  }

  const signatureCases: [string, (raw: string, nowSeconds: number) => string | null, string][] = [
    ['missing', () => null, 'SignatureMissing'],
    ['malformed', () => 't=abc,v1=zz', 'SignatureMalformed'],
    ['wrong (another secret)', (raw, now) => signStorefrontPayload({ secret: 'not-the-secret', body: raw, timestamp: now }), 'SignatureMismatch'],
    ['stale (more than 300 s old)', (raw, now) => signStorefrontPayload({ secret: SECRET, body: raw, timestamp: now - 301 }), 'SignatureExpired'],
  ];

  it.each(signatureCases)('answers a %s signature with 401', async (_label, sign, code) => {
    const rig = webhookRig(fresh(NOW), table());
    const body = orderPlacedEvent(uniqueId('o'));
    const raw = JSON.stringify(body);
    const response = await rig.deliver(body, { raw, signature: sign(raw, Math.floor(rig.clock.now() / 1000)) });
    expect(response.statusCode).toBe(401);
    expect(errorOf(response).code).toBe(code);
    await expectNothingWritten(rig, body);
  });

  it('checks freshness against the real clock while the business clock is shifted (npm start --time)', async () => {
    const real = fresh(NOW);
    // A rehearsal 60,505 s ahead: the storefront still signs with the real time.
    const business = offsetClock(60_505_000, real.clock);
    const idempotency = new DynamoDbIdempotencyStore({ client: table().client, tableName: table().tableName, partition: PARTITION });
    useIngestDependencies({ ...real, clock: business, transportClock: real.clock, caseRules: loadCaseRules(), idempotency, secret: () => Promise.resolve(SECRET) });
    const send = (body: unknown, timestamp: number) => {
      const raw = JSON.stringify(body);
      const signature = signStorefrontPayload({ secret: SECRET, body: raw, timestamp: Math.floor(timestamp / 1000) });
      return handler(apiEvent({ method: 'POST', path: '/webhooks/storefront', body: raw, headers: { 'x-storefront-signature': signature }, now: real.clock.now() }), lambdaContext);
    };

    const accepted = await send(orderPlacedEvent(uniqueId('o')), real.clock.now());
    expect(accepted.statusCode).toBe(202);
    // The business record keeps the rehearsal's time.
    const view = await real.repository.getCase(String(bodyOf(accepted).caseId));
    expect(view.timeline.find((e) => e.kind === 'case.opened')?.at).toBe(new Date(business.now()).toISOString());

    const signedOnBusinessTime = await send(orderPlacedEvent(uniqueId('o')), business.now());
    expect([signedOnBusinessTime.statusCode, errorOf(signedOnBusinessTime).code]).toEqual([401, 'SignatureExpired']);
  });

  it.each([
    ['an order placed in the future', { placedAt: '2025-03-01T12:00:05+08:00' }, 'data.placedAt: is 2 h in the future (now is 2025-03-01T02:00:05.000Z); deadlines count from it'],
    ['an order placed years ago', { placedAt: '2022-03-01T10:00:00+08:00' }, 'data.placedAt: is 1096 days in the past, more than the 30 days allowed'],
  ])('answers %s with 400 naming data.placedAt, writing nothing', async (_label, data, message) => {
    const rig = webhookRig(fresh(NOW), table());
    const body = orderPlacedEvent(uniqueId('o'), data);
    const response = await rig.deliver(body);
    expect([response.statusCode, errorOf(response).code, errorOf(response).message]).toEqual([400, 'InvalidStorefrontEvent', message]);
    await expectNothingWritten(rig, body);
  });

  it.each([
    ['left in the future', '2025-03-01T12:00:05+08:00', 'data.filedAt: is 2 h in the future (now is 2025-03-01T02:00:05.000Z); deadlines count from it'],
    ['left years ago', '2022-03-01T10:00:00+08:00', 'data.filedAt: is 1096 days in the past, more than the 30 days allowed'],
  ])('answers a complaint %s with 400 naming data.filedAt, opening no case', async (_label, filedAt, message) => {
    const rig = webhookRig(fresh(NOW), table());
    const complaintId = uniqueId('c');
    const body = event('complaint.filed', { complaintId, customer: { name: 'Li', phone: '139' }, text: 'late parcel', filedAt });
    const response = await rig.deliver(body);
    expect([response.statusCode, errorOf(response).code, errorOf(response).message]).toEqual([400, 'InvalidStorefrontEvent', message]);
    expect(await rig.recorded(body.id)).toBe(false);
    await expect(rig.repository.getCase(`complaint-${complaintId}`)).rejects.toThrow();
    expect(rig.workflows.started).toEqual([]);
  });

  it('answers a chat message sent in 1970 or in the future with 400 naming its sentAt, recording no conversation', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const message = (id: string, sentAt: string) => ({ conversationId: 'conv-bounds', messageId: id, from: 'customer', sentAt });
    const one = await rig.deliver({ id: uniqueId('evt'), type: 'chat.message', occurredAt: NOW, data: message('m1', '1970-01-01T00:00:00Z') });
    expect([one.statusCode, errorOf(one).message]).toEqual([400, expect.stringMatching(/^data\.sentAt: is \d+ days in the past/)]);
    const batch = await rig.deliver({ id: uniqueId('evt'), type: 'chat.messages', occurredAt: NOW, data: { messages: [message('m2', NOW), message('m3', '2025-03-02T10:00:00+08:00')] } });
    expect([batch.statusCode, errorOf(batch).message]).toEqual([400, expect.stringMatching(/^data\.messages\[1\]\.sentAt: is 24 h in the future/)]);
    expect(await rig.conversations.get('conv-bounds')).toBeUndefined();
  });

  it('checks the signature over the raw body: the same JSON re-serialised does not verify', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const body = orderPlacedEvent(uniqueId('o'));
    const signed = signStorefrontPayload({ secret: SECRET, body: JSON.stringify(body), timestamp: Math.floor(rig.clock.now() / 1000) });
    const response = await rig.deliver(body, { raw: JSON.stringify(body, null, 2), signature: signed });
    expect([response.statusCode, errorOf(response).code]).toEqual([401, 'SignatureMismatch']);
  });

  const bodyCases: [string, (o: string) => unknown, string, string][] = [
    ['not JSON', () => '{"id": "e1", "type": ', 'MalformedBody', 'body'],
    ['missing the order id', (o) => ({ ...orderPlacedEvent(o), data: { ...orderPlacedEvent(o).data, orderId: undefined } }), 'InvalidStorefrontEvent', 'data.orderId: is required'],
    ['an item quantity of 0', (o) => ({ ...orderPlacedEvent(o), data: { ...orderPlacedEvent(o).data, items: [{ sku: 'S', name: 'N', qty: 0, price: 1 }] } }), 'InvalidStorefrontEvent', 'data.items[0].qty'],
    ['a negative price', (o) => ({ ...orderPlacedEvent(o), data: { ...orderPlacedEvent(o).data, items: [{ sku: 'S', name: 'N', qty: 1, price: -1 }] } }), 'InvalidStorefrontEvent', 'data.items[0].price'],
    ['an unknown payment channel', (o) => ({ ...orderPlacedEvent(o), data: { ...orderPlacedEvent(o).data, paymentChannel: 'cash' } }), 'InvalidStorefrontEvent', 'data.paymentChannel'],
    ['paid as text', (o) => ({ ...orderPlacedEvent(o), data: { ...orderPlacedEvent(o).data, paid: 'yes' } }), 'InvalidStorefrontEvent', 'data.paid'],
    ['a time without offset', (o) => ({ ...orderPlacedEvent(o), data: { ...orderPlacedEvent(o).data, placedAt: '2025-03-01T10:00:00' } }), 'InvalidStorefrontEvent', 'data.placedAt'],
    ['an unknown type', (o) => ({ ...orderPlacedEvent(o), type: 'order.teleported' }), 'InvalidStorefrontEvent', 'type'],
    ['no id', (o) => ({ ...orderPlacedEvent(o), id: undefined }), 'InvalidStorefrontEvent', 'id: is required'],
  ];

  it.each(bodyCases)('answers a body with %s with 400 naming the field', async (_label, make, code, field) => {
    const rig = webhookRig(fresh(NOW), table());
    const orderId = uniqueId('o');
    const made = make(orderId);
    const raw = typeof made === 'string' ? made : JSON.stringify(made);
    const response = await rig.deliver(undefined, { raw });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toMatchObject({ code, message: expect.stringContaining(field) });
    expect(rig.workflows.started).toEqual([]);
    expect(await rig.repository.findCaseByOrderId(orderId)).toBeUndefined();
    if (typeof made !== 'string' && typeof (made as { id?: unknown }).id === 'string') expect(await rig.recorded((made as { id: string }).id)).toBe(false);
  });
});
