import { afterEach, describe, expect, it } from 'vitest';
import { STOREFRONT_LIMITS } from '../../../core/storefront/limits.ts';
import { useIngestDependencies } from '../../../functions/storefront-webhook/handler.ts';
import { errorOf } from '../http/api-support.ts';
import { uniqueId, useHarness } from '../harness.ts';
import { event, orderPlacedEvent, webhookRig, type WebhookRig } from './support.ts';

const NOW = '2025-03-01T10:00:05+08:00';

/** A signed body of `bytes` bytes: an order.placed whose address is padded. */
function paddedOrder(orderId: string, bytes: number): string {
  const base = orderPlacedEvent(orderId);
  const raw = JSON.stringify({ ...base, data: { ...base.data, address: '' } });
  return JSON.stringify({ ...base, data: { ...base.data, address: 'x'.repeat(bytes - raw.length) } });
}

describe('POST /webhooks/storefront refuses hostile bodies with a 4xx and writes nothing', () => {
  const { fresh, table } = useHarness();
  afterEach(() => useIngestDependencies(undefined));

  async function expectNothingWritten(rig: WebhookRig, orderId: string, eventId?: string): Promise<void> {
    expect(await rig.repository.findCaseByOrderId(orderId)).toBeUndefined();
    if (eventId !== undefined) expect(await rig.recorded(eventId)).toBe(false);
    expect(rig.workflows.started).toEqual([]);
  }

  it.each([
    ['900 KB', 900 * 1024],
    ['5 MB', 5 * 1024 * 1024],
    ['one byte over the limit', STOREFRONT_LIMITS.maxBodyBytes + 1],
  ])('answers a %s body with 413 PayloadTooLarge naming the limit', async (_label, bytes) => {
    const rig = webhookRig(fresh(NOW), table());
    const orderId = uniqueId('o');
    const response = await rig.deliver(undefined, { raw: paddedOrder(orderId, bytes) });
    expect(response.statusCode).toBe(413);
    expect(errorOf(response)).toEqual({ code: 'PayloadTooLarge', message: `body: ${bytes} bytes, more than the ${STOREFRONT_LIMITS.maxBodyBytes} allowed` });
    await expectNothingWritten(rig, orderId);
  });

  it('accepts a body of exactly the limit', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const orderId = uniqueId('o');
    const raw = paddedOrder(orderId, STOREFRONT_LIMITS.maxBodyBytes);
    // The padding is one long string: split it under the string limit so only the size is at its edge.
    const body = JSON.parse(raw) as { data: Record<string, unknown> };
    const address = body.data.address as string;
    body.data.address = { lines: address.match(/.{1,3000}/g)?.slice(0, 20) ?? [] };
    const within = JSON.stringify(body);
    expect(Buffer.byteLength(within)).toBeLessThanOrEqual(STOREFRONT_LIMITS.maxBodyBytes);
    expect((await rig.deliver(undefined, { raw: within })).statusCode).toBe(202);
  });

  it('answers 5,000 levels of nesting with 400 naming where it got too deep', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const orderId = uniqueId('o');
    const base = orderPlacedEvent(orderId);
    const raw = JSON.stringify({ ...base, data: { ...base.data, extra: 0 } }).replace('"extra":0', `"extra":${'['.repeat(5_000)}${']'.repeat(5_000)}`);
    const response = await rig.deliver(undefined, { raw });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toMatchObject({ code: 'InvalidStorefrontEvent', message: expect.stringContaining(`nests deeper than ${STOREFRONT_LIMITS.maxDepth} levels`) });
    expect(errorOf(response).message).toMatch(/^data\.extra\[0\]/);
    await expectNothingWritten(rig, orderId, base.id);
  });

  it('answers a 1,000-key object of 3,000-level values within the process: 413 when over the size, 400 when compressed under it', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const deep = `${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}`;
    const keys = Array.from({ length: 1_000 }, (_, i) => `"k${i}":${deep}`).join(',');
    const huge = await rig.deliver(undefined, { raw: `{"id":"e","type":"order.placed","occurredAt":"2025-03-01T10:00:00+08:00","data":{${keys}}}` });
    expect([huge.statusCode, errorOf(huge).code]).toEqual([413, 'PayloadTooLarge']);
    const some = Array.from({ length: 3 }, (_, i) => `"k${i}":${deep}`).join(',');
    const small = await rig.deliver(undefined, { raw: `{"id":"e","type":"order.placed","occurredAt":"2025-03-01T10:00:00+08:00","data":{${some}}}` });
    expect([small.statusCode, errorOf(small).code]).toEqual([400, 'InvalidStorefrontEvent']);
  });

  it('answers an id of 10,000 characters and an orderId of 5,000 with 400 naming the field', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const longId = await rig.deliver(orderPlacedEvent(uniqueId('o'), { id: 'e'.repeat(10_000) }));
    expect(errorOf(longId)).toEqual({ code: 'InvalidStorefrontEvent', message: 'id: is 10000 characters long, more than the 4000 allowed' });
    const orderId = 'o'.repeat(5_000);
    const longOrder = await rig.deliver(orderPlacedEvent(orderId, { id: uniqueId('evt') }));
    expect(errorOf(longOrder)).toEqual({ code: 'InvalidStorefrontEvent', message: 'data.orderId: is 5000 characters long, more than the 4000 allowed' });
    const orderId200 = 'o'.repeat(200);
    const overKeyLength = await rig.deliver(orderPlacedEvent(orderId200, { id: uniqueId('evt') }));
    expect(errorOf(overKeyLength)).toEqual({ code: 'InvalidStorefrontEvent', message: 'data.orderId: must be at most 128 characters' });
    expect(rig.workflows.started).toEqual([]);
  });

  it.each([
    ['order.placed, data', (o: string) => ({ ...orderPlacedEvent(o), data: { ...orderPlacedEvent(o).data, constructor: { name: 'x' } } }), 'data.constructor'],
    ['order.placed, data.customer', (o: string) => ({ ...orderPlacedEvent(o), data: { ...orderPlacedEvent(o).data, customer: { name: 'n', phone: 'p', constructor: 'x' } } }), 'data.customer.constructor'],
    ['complaint.filed, data', (o: string) => event('complaint.filed', { complaintId: o, orderId: o, customer: { name: 'n', phone: 'p' }, text: 't', constructor: 1 }), 'data.constructor'],
    ['complaint.filed, data.customer', (o: string) => event('complaint.filed', { complaintId: o, orderId: o, customer: { name: 'n', phone: 'p', constructor: { a: 1 } }, text: 't' }), 'data.customer.constructor'],
  ])('answers a constructor key in %s with 400 naming it', async (_label, make, field) => {
    const rig = webhookRig(fresh(NOW), table());
    const orderId = uniqueId('o');
    const body = make(orderId);
    const response = await rig.deliver(body);
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).message).toBe(`${field}: is a reserved key (__proto__, constructor, prototype are refused)`);
    await expectNothingWritten(rig, orderId, body.id);
  });

  it('answers a __proto__ key with 400 too', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const orderId = uniqueId('o');
    const raw = JSON.stringify(orderPlacedEvent(orderId)).replace('"paid":', '"__proto__":{"isAdmin":true},"paid":');
    const response = await rig.deliver(undefined, { raw });
    expect([response.statusCode, errorOf(response).message]).toEqual([400, 'data.__proto__: is a reserved key (__proto__, constructor, prototype are refused)']);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['form-encoded', 'application/x-www-form-urlencoded'],
    ['as merge-patch JSON (a +json type)', 'application/merge-patch+json'],
    ['as JSON in another charset', 'application/json; charset=iso-8859-1'],
    ['without a content type', undefined],
  ])('answers a body sent %s with 415', async (_label, contentType) => {
    const rig = webhookRig(fresh(NOW), table());
    const orderId = uniqueId('o');
    const body = orderPlacedEvent(orderId);
    const response = await rig.deliver(body, { contentType: contentType ?? null });
    expect(response.statusCode).toBe(415);
    expect(errorOf(response)).toMatchObject({ code: 'UnsupportedMediaType', message: expect.stringContaining('application/json') });
    await expectNothingWritten(rig, orderId, body.id);
  });

  it('takes application/json with a charset parameter, in any case', async () => {
    const rig = webhookRig(fresh(NOW), table());
    expect((await rig.deliver(orderPlacedEvent(uniqueId('o')), { contentType: 'Application/JSON; charset=UTF-8' })).statusCode).toBe(202);
  });

  it('answers the same event id with a different body with 409 EventIdReused, and changes nothing', async () => {
    const rig = webhookRig(fresh(NOW), table());
    const first = orderPlacedEvent(uniqueId('o'));
    expect((await rig.deliver(first)).statusCode).toBe(202);
    const otherOrder = uniqueId('o');
    const reused = await rig.deliver({ ...orderPlacedEvent(otherOrder), id: first.id });
    expect(reused.statusCode).toBe(409);
    expect(errorOf(reused)).toMatchObject({ code: 'EventIdReused', message: expect.stringContaining(first.id) });
    expect(await rig.repository.findCaseByOrderId(otherOrder)).toBeUndefined();
    expect(rig.workflows.started).toHaveLength(1);
    // The true redelivery still replays the first answer.
    expect((await rig.deliver(first)).headers['idempotent-replayed']).toBe('true');
  });
});
