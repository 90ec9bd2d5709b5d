import { describe, expect, it } from 'vitest';
import { mapShopify } from '../../../connectors/shopify/map.ts';
import { shopifyFulfillment, shopifyOrder, shopifyRefund, shopifyReturnRequest } from '../../../connectors/shopify/sample.ts';
import { parseStorefrontEvent } from '../../../core/storefront/parse.ts';

const AT = '2026-11-30T09:05:00+08:00';

describe('mapShopify', () => {
  it('maps orders/create to a valid order.placed whose id carries the webhook id', () => {
    const { events } = mapShopify('orders/create', 'wh-1', shopifyOrder({ orderId: 42, at: AT, paid: false }), 'bank-card');
    expect(events).toHaveLength(1);
    const event = parseStorefrontEvent(events[0]);
    expect(event).toMatchObject({ id: 'shopify-wh-1-placed', type: 'order.placed', data: { orderId: '42', paid: false, paymentChannel: 'alipay', items: [{ sku: 'PHONE-X1', qty: 1, price: 1999 }] } });
  });

  it('uses the shop’s payment channel when the gateway is not Alipay', () => {
    const order = { ...shopifyOrder({ orderId: 42, at: AT }), payment_gateway_names: ['shopify_payments'] };
    expect(mapShopify('orders/create', 'wh-1', order, 'bank-card').events[0]).toMatchObject({ data: { paymentChannel: 'bank-card' } });
  });

  it('maps orders/paid to order.placed (paid) then order.paid, so an order first seen paid is opened', () => {
    const { events } = mapShopify('orders/paid', 'wh-2', shopifyOrder({ orderId: 42, at: AT }), 'alipay');
    expect(events.map((e) => e.type)).toEqual(['order.placed', 'order.paid']);
    expect(events[1]).toMatchObject({ data: { orderId: '42', paidAt: AT } });
  });

  it('maps returns, refunds and a delivered fulfillment; ignores one still in transit', () => {
    expect(mapShopify('returns/request', 'w', shopifyReturnRequest(42, AT), 'alipay').events[0]).toMatchObject({ type: 'order.return-requested', data: { orderId: '42', reason: '不合适' } });
    expect(mapShopify('refunds/create', 'w', shopifyRefund(42, AT), 'alipay').events[0]).toMatchObject({ type: 'refund.settled', data: { orderId: '42', settledAt: AT } });
    expect(mapShopify('fulfillments/update', 'w', shopifyFulfillment(42, AT), 'alipay').events[0]).toMatchObject({ type: 'order.delivered', data: { orderId: '42', deliveredAt: AT } });
    expect(mapShopify('fulfillments/create', 'w', shopifyFulfillment(42, AT, 'in_transit'), 'alipay')).toMatchObject({ events: [], ignored: expect.stringContaining('in_transit') });
  });

  it('acknowledges an unmapped topic with the reason', () => {
    expect(mapShopify('products/update', 'w', { id: 1 }, 'alipay')).toEqual({ events: [], ignored: 'topic products/update is not mapped' });
  });

  it('refuses an order without line items or creation time, naming the field', () => {
    expect(() => mapShopify('orders/create', 'w', { ...shopifyOrder({ orderId: 1, at: AT }), line_items: [] }, 'alipay')).toThrow(/line_items/);
    expect(() => mapShopify('orders/create', 'w', { ...shopifyOrder({ orderId: 1, at: AT }), created_at: 'yesterday' }, 'alipay')).toThrow(/created_at/);
  });
});
