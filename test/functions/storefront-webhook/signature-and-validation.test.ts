import { afterEach, describe, expect, it } from 'vitest';
import { signStorefrontPayload } from '../../../core/storefront/signature.ts';
import { useIngestDependencies } from '../../../functions/storefront-webhook/handler.ts';
import { errorOf } from '../http/api-support.ts';
import { uniqueId, useHarness } from '../harness.ts';
import { orderPlacedEvent, SECRET, webhookRig, type WebhookRig } from './support.ts';

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
