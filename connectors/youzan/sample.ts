/**
 * Youzan push bodies shaped as the message documents describe them (envelope: client_id, kdt_id,
 * id, type, status, msg, msg_id, version, test; `msg` URL-encoded for trade_*, an object for
 * youzan_trade_Refund*), for the fake, the tests and `npm run connector -- test youzan`. Invented values.
 */
import { randomUUID } from 'node:crypto';

export interface YouzanSampleOptions {
  clientId: string;
  tid: string;
  /** Beijing wall-clock `yyyy-MM-dd HH:mm:ss`. */
  at: string;
  version?: number;
  msgId?: string;
  test?: boolean;
}

function envelope(type: string, status: string, msg: unknown, o: YouzanSampleOptions): Record<string, unknown> {
  return {
    client_id: o.clientId,
    kdt_id: 90731021,
    kdt_name: '示例有赞店',
    root_kdt_id: 90731021,
    id: o.tid,
    type,
    status,
    msg,
    msg_id: o.msgId ?? randomUUID(),
    version: o.version ?? 1764464700,
    test: o.test ?? false,
    mode: 1,
    sendCount: 0,
  };
}

/** The full order structure of trade_TradeCreate / trade_TradeBuyerPay. */
function fullOrder(o: YouzanSampleOptions, paid: boolean): Record<string, unknown> {
  return {
    full_order_info: {
      order_info: { tid: o.tid, created: o.at, pay_time: paid ? o.at : '', status: paid ? 'WAIT_SELLER_SEND_GOODS' : 'WAIT_BUYER_PAY', type: 0 },
      buyer_info: { buyer_phone: '13800000000', fans_nickname: '小张' },
      address_info: { receiver_name: '张三', receiver_tel: '13800000000', delivery_province: '浙江省', delivery_city: '杭州市', delivery_district: '西湖区', delivery_address: '文三路 100 号' },
      orders: [{ oid: '1482740139436851200', title: 'Phone X1', num: 1, price: '1999.00', outer_sku_id: 'PHONE-X1', sku_id: 36421 }],
      pay_info: { payment: paid ? '1999.00' : '0.00' },
    },
  };
}

const urlEncoded = (value: unknown) => encodeURIComponent(JSON.stringify(value));

export function youzanTradeCreate(o: YouzanSampleOptions): Record<string, unknown> {
  return envelope('trade_TradeCreate', 'WAIT_BUYER_PAY', urlEncoded(fullOrder(o, false)), o);
}

export function youzanTradeBuyerPay(o: YouzanSampleOptions): Record<string, unknown> {
  return envelope('trade_TradeBuyerPay', 'WAIT_SELLER_SEND_GOODS', urlEncoded(fullOrder(o, true)), o);
}

export function youzanTradeClose(o: YouzanSampleOptions): Record<string, unknown> {
  return envelope('trade_TradeClose', 'TRADE_CLOSED', urlEncoded({ tid: o.tid, close_type: 2, close_reason: '买家取消', update_time: o.at }), o);
}

export function youzanTradeSuccess(o: YouzanSampleOptions): Record<string, unknown> {
  return envelope('trade_TradeSuccess', 'TRADE_SUCCESS', urlEncoded({ tid: o.tid, update_time: o.at }), o);
}

/** The new refund message: `msg` is an object. */
export function youzanRefundCreated(o: YouzanSampleOptions, refundType: 'REFUND_ONLY' | 'REFUND_AND_RETURN' | 'EXCHANGE_GOODS_FLOW' = 'REFUND_AND_RETURN'): Record<string, unknown> {
  return envelope('youzan_trade_RefundCreated', 'WAIT_SELLER_AGREE', { tid: o.tid, refund_id: '201912110000000001', refund_type: refundType, refund_reason: '7', refund_reason_desc: '七天无理由', refunded_fee: '1999.00', update_time: o.at, version: o.version ?? 1 }, o);
}

export function youzanRefundSuccess(o: YouzanSampleOptions): Record<string, unknown> {
  return envelope('youzan_trade_RefundSuccess', 'SUCCESS', { tid: o.tid, refund_id: '201912110000000001', refunded_fee: '1999.00', update_time: o.at }, o);
}
