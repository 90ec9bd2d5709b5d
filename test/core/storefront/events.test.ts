import { describe, expect, it } from 'vitest';
import { InvalidStorefrontEvent, MalformedBody } from '../../../core/storefront/errors.ts';
import { parseStorefrontBody, parseStorefrontEvent } from '../../../core/storefront/parse.ts';

const at = '2025-03-03T10:00:00+08:00';
const customer = { name: '张三', phone: '13800000000' };
const orderPlaced = {
  orderId: 'SO-1',
  placedAt: at,
  paid: true,
  customer,
  address: '上海市浦东新区世纪大道 1 号',
  items: [{ sku: 'P-1', name: 'Phone', qty: 1, price: 3999 }],
  paymentChannel: 'alipay',
};

/** A valid `data` for every event type of api.md. */
const validData: Record<string, Record<string, unknown>> = {
  'order.placed': orderPlaced,
  'order.paid': { orderId: 'SO-1', paidAt: at },
  'order.cancel-requested': { orderId: 'SO-1', reason: 'changed my mind' },
  'order.return-requested': { orderId: 'SO-1', reason: 'screen flickers' },
  'order.exchange-requested': { orderId: 'SO-1', reason: 'wrong colour' },
  'order.delivered': { orderId: 'SO-1', deliveredAt: at },
  'goods.received': { caseId: 'C-1', receivedAt: at },
  'refund.settled': { orderId: 'SO-1', settledAt: '2025-03-03T02:00:00Z' },
  'complaint.filed': { complaintId: 'CP-1', customer, text: '快递太慢' },
  'stock.low': { sku: 'P-1', available: 3 },
  'stock.out': { sku: 'P-1', available: 0 },
};

const event = (type: string, data: Record<string, unknown>): Record<string, unknown> => ({ id: 'evt-1', type, occurredAt: at, data });

function issuesOf(input: unknown): string[] {
  try {
    parseStorefrontEvent(input);
  } catch (error) {
    if (error instanceof InvalidStorefrontEvent) return error.issues.map((i) => `${i.field}: ${i.message}`);
    throw error;
  }
  throw new Error('expected the event to be rejected');
}

describe('parseStorefrontEvent', () => {
  it.each(Object.entries(validData))('accepts a valid %s event', (type, data) => {
    const parsed = parseStorefrontEvent(event(type, data));
    expect(parsed).toEqual({ id: 'evt-1', type, occurredAt: at, data });
  });

  it('keeps fields the contract does not list', () => {
    const parsed = parseStorefrontEvent(event('order.paid', { orderId: 'SO-1', paidAt: at, amount: 3999 }));
    expect(parsed.data).toEqual({ orderId: 'SO-1', paidAt: at, amount: 3999 });
  });

  it('accepts a structured address', () => {
    expect(() => parseStorefrontEvent(event('order.placed', { ...orderPlaced, address: { city: '上海', line1: '世纪大道 1 号' } }))).not.toThrow();
  });

  it.each([
    ['an unknown type', { ...event('order.placed', orderPlaced), type: 'order.exploded' }, 'type: must be one of order.placed, order.imported, order.paid'],
    ['a missing id', { type: 'order.paid', occurredAt: at, data: validData['order.paid'] }, 'id: is required'],
    ['an empty id', { ...event('order.paid', { orderId: 'SO-1', paidAt: at }), id: ' ' }, 'id: must not be empty'],
    ['a time without offset', { ...event('order.paid', { orderId: 'SO-1', paidAt: at }), occurredAt: '2025-03-03T10:00:00' }, 'occurredAt: must be an ISO-8601 time with an offset'],
    ['a missing data', { id: 'evt-1', type: 'order.paid', occurredAt: at }, 'data: is required'],
    ['a missing order id', event('order.paid', { paidAt: at }), 'data.orderId: is required'],
    ['a paidAt without offset', event('order.paid', { orderId: 'SO-1', paidAt: '2025-03-03 10:00' }), 'data.paidAt: must be an ISO-8601 time with an offset'],
    ['paid as a string', event('order.placed', { ...orderPlaced, paid: 'yes' }), 'data.paid: Invalid input: expected boolean'],
    ['a customer without phone', event('order.placed', { ...orderPlaced, customer: { name: '张三' } }), 'data.customer.phone: is required'],
    ['no items', event('order.placed', { ...orderPlaced, items: [] }), 'data.items: must list at least one item'],
    ['a zero quantity', event('order.placed', { ...orderPlaced, items: [{ sku: 'P-1', name: 'Phone', qty: 0, price: 1 }] }), 'data.items[0].qty: must be at least 1'],
    ['a fractional quantity', event('order.placed', { ...orderPlaced, items: [{ sku: 'P-1', name: 'Phone', qty: 1.5, price: 1 }] }), 'data.items[0].qty: must be a whole number'],
    ['a negative price', event('order.placed', { ...orderPlaced, items: [{ sku: 'P-1', name: 'Phone', qty: 1, price: -1 }] }), 'data.items[0].price: must not be negative'],
    ['an unknown payment channel', event('order.placed', { ...orderPlaced, paymentChannel: 'cash' }), 'data.paymentChannel: must be one of alipay, bank-card, boc'],
    ['an empty address', event('order.placed', { ...orderPlaced, address: '' }), 'data.address: must not be empty'],
    ['an address that is a number', event('order.placed', { ...orderPlaced, address: 5 }), 'data.address: must be a non-empty string or an object'],
    ['a missing payment channel', event('order.placed', { ...orderPlaced, paymentChannel: undefined }), 'data.paymentChannel: is required'],
    ['a cancellation without reason', event('order.cancel-requested', { orderId: 'SO-1' }), 'data.reason: is required'],
    ['goods received for neither case nor order', event('goods.received', { receivedAt: at }), 'data.caseId: caseId or orderId is required'],
    ['a refund settled for neither case nor order', event('refund.settled', { settledAt: at }), 'data.caseId: caseId or orderId is required'],
    ['a complaint without text', event('complaint.filed', { complaintId: 'CP-1', customer }), 'data.text: is required'],
    ['a negative stock level', event('stock.low', { sku: 'P-1', available: -1 }), 'data.available: must not be negative'],
    ['a body that is not an object', 'order.placed', 'body: Invalid input: expected object'],
  ])('rejects %s, naming the field', (_, input, expected) => {
    expect(issuesOf(input).join('\n')).toContain(expected);
  });

  it('reports every invalid field, with a message that names the first', () => {
    const error = (() => {
      try {
        parseStorefrontEvent(event('order.delivered', {}));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidStorefrontEvent);
    expect(error).toMatchObject({ name: 'InvalidStorefrontEvent', status: 400, field: 'data.orderId' });
    expect((error as InvalidStorefrontEvent).issues.map((i) => i.field)).toEqual(['data.orderId', 'data.deliveredAt']);
    expect((error as Error).message).toBe('data.orderId: is required; data.deliveredAt: is required');
  });
});

describe('parseStorefrontBody', () => {
  it('parses the raw JSON body', () => {
    expect(parseStorefrontBody(JSON.stringify(event('stock.out', { sku: 'P-1', available: 0 }))).type).toBe('stock.out');
  });

  it('rejects a body that is not JSON as MalformedBody', () => {
    expect(() => parseStorefrontBody('{"id": ')).toThrow(MalformedBody);
    expect(() => parseStorefrontBody('{"id": ')).toThrow('body: not valid JSON');
  });
});
