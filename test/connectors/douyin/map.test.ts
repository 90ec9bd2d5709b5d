import { describe, expect, it } from 'vitest';
import { mapDouyin } from '../../../connectors/douyin/map.ts';
import { douyinData, douyinOrderDetail } from '../../../connectors/douyin/sample.ts';
import { parseStorefrontEvent } from '../../../core/storefront/parse.ts';

describe('mapDouyin', () => {
  const AT = Date.parse('2026-11-30T01:05:00Z');
  const detail = douyinOrderDetail({ orderId: 'P1', createdAt: AT, paid: false });

  it('maps tag 100 with the fetched order to a valid order.placed (fen to yuan, masked receiver)', () => {
    const mapped = mapDouyin({ tag: '100', msgId: 'm1', data: douyinData.tradeCreate('P1', AT) }, detail, 'bank-card');
    expect(parseStorefrontEvent(mapped.events[0])).toMatchObject({ type: 'order.placed', data: { orderId: 'P1', paid: false, placedAt: '2026-11-30T01:05:00.000Z', paymentChannel: 'alipay', customer: { phone: '138****0000' }, items: [{ sku: 'PHONE-X1', price: 1999 }] } });
  });

  it('maps tag 200 by aftersale_type, or by the order status when it is absent', () => {
    expect(mapDouyin({ tag: '200', msgId: 'm', data: douyinData.refundCreated('P1', AT, 0) }, undefined, 'alipay').events[0]?.type).toBe('order.return-requested');
    expect(mapDouyin({ tag: '200', msgId: 'm', data: douyinData.refundCreated('P1', AT, 2) }, undefined, 'alipay').events[0]?.type).toBe('order.cancel-requested');
    expect(mapDouyin({ tag: '200', msgId: 'm', data: douyinData.refundCreated('P1', AT) }, { ...detail, order_status: 2 }, 'alipay').events[0]?.type).toBe('order.cancel-requested');
  });

  it('turns tags 126 and 209 into platform deadlines on the order, not events', () => {
    expect(mapDouyin({ tag: '126', msgId: 'm', data: douyinData.shipTimeChanged('P1', AT + 3_600_000) }, undefined, 'alipay')).toMatchObject({ events: [], platformDeadlines: [{ orderId: 'P1', kind: 'ship-by', due: '2026-11-30T02:05:00.000Z', source: 'douyin tag 126' }] });
    expect(mapDouyin({ tag: '209', msgId: 'm', data: douyinData.afterSaleTimeoutChanged('P1', AT) }, undefined, 'alipay')).toMatchObject({ events: [], platformDeadlines: [{ kind: 'after-sale-by' }] });
  });

  it('acknowledges an unmapped tag', () => {
    expect(mapDouyin({ tag: '102', msgId: 'm', data: { p_id: 'P1' } }, undefined, 'alipay')).toMatchObject({ events: [], ignored: 'tag 102 is not mapped' });
  });
});
