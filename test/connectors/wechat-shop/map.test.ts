import { describe, expect, it } from 'vitest';
import { mapWechat } from '../../../connectors/wechat-shop/map.ts';
import { wechatAfterSale, wechatEvent, wechatOrder } from '../../../connectors/wechat-shop/sample.ts';
import { parseStorefrontEvent } from '../../../core/storefront/parse.ts';

const AT = Date.parse('2026-11-30T01:05:00Z');

describe('mapWechat', () => {
  it('maps channels_ec_order_new with the fetched order to a valid unpaid order.placed (fen to yuan)', () => {
    const mapped = mapWechat(wechatEvent('channels_ec_order_new', AT, { order_id: 'W1' }), { order: wechatOrder({ orderId: 'W1', createdAt: AT, paid: false }) }, 'alipay');
    expect(mapped.messageId).toBe('channels_ec_order_new:W1:1796000700');
    expect(parseStorefrontEvent(mapped.events[0])).toMatchObject({ type: 'order.placed', data: { orderId: 'W1', paid: false, address: '浙江省杭州市西湖区文三路 100 号', items: [{ sku: 'PHONE-X1', price: 1999 }] } });
  });

  it('maps after-sale updates by the fetched type and status', () => {
    const ev = wechatEvent('channels_ec_aftersale_update', AT, { after_sale_order_id: 'A1' });
    expect(mapWechat(ev, { afterSale: wechatAfterSale({ id: 'A1', orderId: 'W1', at: AT, type: 'RETURN', status: 'MERCHANT_PROCESSING' }) }, 'alipay').events[0]?.type).toBe('order.return-requested');
    expect(mapWechat(ev, { afterSale: wechatAfterSale({ id: 'A1', orderId: 'W1', at: AT, type: 'REFUND', status: 'MERCHANT_PROCESSING' }) }, 'alipay').events[0]?.type).toBe('order.cancel-requested');
    expect(mapWechat(ev, { afterSale: wechatAfterSale({ id: 'A1', orderId: 'W1', at: AT, type: 'RETURN', status: 'MERCHANT_REFUND_SUCCESS' }) }, 'alipay').events[0]?.type).toBe('refund.settled');
  });

  it('acknowledges an event it does not map', () => {
    expect(mapWechat(wechatEvent('channels_ec_order_deliver', AT, { order_id: 'W1' }), {}, 'alipay')).toMatchObject({ events: [], ignored: 'event channels_ec_order_deliver is not mapped' });
  });
});
