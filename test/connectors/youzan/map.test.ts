import { describe, expect, it } from 'vitest';
import { beijing, decodeMsg, mapYouzan, readYouzanPush } from '../../../connectors/youzan/map.ts';
import { youzanRefundCreated, youzanRefundSuccess, youzanTradeBuyerPay, youzanTradeClose, youzanTradeCreate, youzanTradeSuccess } from '../../../connectors/youzan/sample.ts';
import { parseStorefrontEvent } from '../../../core/storefront/parse.ts';

const O = { clientId: 'cid', tid: 'E20261130090500000001', at: '2026-11-30 09:05:00', msgId: 'm-1', version: 1764464700 };
const map = (body: Record<string, unknown>) => mapYouzan(readYouzanPush(body), 'alipay');

describe('mapYouzan', () => {
  it('decodes the URL-encoded msg of trade_TradeCreate into a valid, unpaid order.placed in Beijing time', () => {
    const mapped = map(youzanTradeCreate(O));
    expect(mapped).toMatchObject({ messageId: 'm-1', kind: 'trade_TradeCreate', version: { key: `trade_TradeCreate:${O.tid}`, value: O.version } });
    expect(parseStorefrontEvent(mapped.events[0])).toMatchObject({ type: 'order.placed', data: { orderId: O.tid, placedAt: '2026-11-30T09:05:00+08:00', paid: false, customer: { name: '张三' }, address: '浙江省杭州市西湖区文三路 100 号', items: [{ sku: 'PHONE-X1', qty: 1, price: 1999 }] } });
  });

  it('maps trade_TradeBuyerPay to order.placed (paid) then order.paid at pay_time', () => {
    expect(map(youzanTradeBuyerPay(O)).events.map((e) => [e.type, e.data])).toEqual([
      ['order.placed', expect.objectContaining({ paid: true })],
      ['order.paid', { orderId: O.tid, paidAt: '2026-11-30T09:05:00+08:00' }],
    ]);
  });

  it('maps close, success (receipt) and the object-msg refund messages', () => {
    expect(map(youzanTradeClose(O)).events[0]).toMatchObject({ type: 'order.cancel-requested', data: { orderId: O.tid, reason: '买家取消' } });
    expect(map(youzanTradeSuccess(O)).events[0]).toMatchObject({ type: 'order.delivered', data: { orderId: O.tid, deliveredAt: '2026-11-30T09:05:00+08:00' } });
    expect(map(youzanRefundCreated(O)).events[0]).toMatchObject({ type: 'order.return-requested', data: { orderId: O.tid, reason: '七天无理由' } });
    expect(map(youzanRefundCreated(O, 'EXCHANGE_GOODS_FLOW')).events[0]?.type).toBe('order.exchange-requested');
    expect(map(youzanRefundCreated(O, 'REFUND_ONLY')).events[0]?.type).toBe('order.cancel-requested');
    expect(map(youzanRefundSuccess(O)).events[0]).toMatchObject({ type: 'refund.settled', data: { orderId: O.tid } });
  });

  it('acknowledges a test message and an unmapped type without events', () => {
    expect(map(youzanTradeCreate({ ...O, test: true }))).toMatchObject({ events: [], ignored: 'test message' });
    expect(map({ ...youzanTradeClose(O), type: 'ITEM_INFO' })).toMatchObject({ events: [], ignored: 'type ITEM_INFO is not mapped' });
  });

  it('reads msg as URL-encoded JSON or as an object, and names a bad one', () => {
    expect(decodeMsg(encodeURIComponent('{"tid":"E1"}'))).toEqual({ tid: 'E1' });
    expect(decodeMsg({ tid: 'E1' })).toEqual({ tid: 'E1' });
    expect(() => decodeMsg('%E0%A4%A')).toThrow(/msg: not valid URL encoding/);
    expect(() => decodeMsg(encodeURIComponent('[1]'))).toThrow(/msg: expected a JSON object/);
  });

  it('reads Youzan wall-clock times as Beijing time', () => {
    expect(beijing('2026-11-30 23:59:59')).toBe('2026-11-30T23:59:59+08:00');
    expect(beijing('2026-11-30')).toBeUndefined();
  });
});
