/**
 * TMC messages → our storefront events (pure; docs/connectors.md has the table). A message's
 * `content` is a JSON string with ids (`tid`, `refund_id`, …); order details come from
 * `taobao.trade.fullinfo.get` (passed in as `trade`). Times are Beijing wall clock.
 */
import type { PaymentChannel, StorefrontEvent } from '../../core/storefront/events.ts';
import { beijing } from '../youzan/map.ts';
import { ConnectorBodyInvalid } from '../shared/errors.ts';
import { isRecord } from '../shared/json.ts';
import type { PlatformMessage } from '../shared/types.ts';

type Json = Record<string, unknown>;

export const TMC_TOPICS_WITH_TRADE = new Set(['taobao_trade_TradeCreate', 'taobao_trade_TradeBuyerPay']);

export function tidOf(content: Json): string {
  const tid = content.tid;
  if ((typeof tid === 'number' && Number.isSafeInteger(tid)) || (typeof tid === 'string' && tid !== '')) return String(tid);
  throw new ConnectorBodyInvalid('content.tid: is required');
}

export function mapTmc(message: { id: string; topic: string; pubTime: string; content: Json }, trade: Json | undefined, defaultChannel: PaymentChannel): PlatformMessage {
  const base = { messageId: message.id, kind: message.topic };
  const ev = (suffix: string, type: StorefrontEvent['type'], occurredAt: string, data: Json) => ({ id: `tmc-${message.id}-${suffix}`, type, occurredAt, data }) as StorefrontEvent;
  const at = beijing(message.pubTime);
  const when = (value: unknown, field: string) => {
    const t = beijing(value) ?? at;
    if (t === undefined) throw new ConnectorBodyInvalid(`${field}: is required (yyyy-MM-dd HH:mm:ss)`);
    return t;
  };
  switch (message.topic) {
    case 'taobao_trade_TradeCreate': {
      const placed = orderPlaced(requireTrade(trade), defaultChannel);
      return { ...base, events: [ev('placed', 'order.placed', placed.placedAt, placed)] };
    }
    case 'taobao_trade_TradeBuyerPay': {
      const t = requireTrade(trade);
      const placed = { ...orderPlaced(t, defaultChannel), paid: true };
      const paidAt = when(t.pay_time, 'trade.pay_time');
      return { ...base, events: [ev('placed', 'order.placed', placed.placedAt, placed), ev('paid', 'order.paid', paidAt, { orderId: placed.orderId, paidAt })] };
    }
    case 'taobao_trade_TradeClose':
      return { ...base, events: [ev('cancel', 'order.cancel-requested', when(undefined, 'pub_time'), { orderId: tidOf(message.content), reason: '交易关闭', platform: 'tmc' })] };
    case 'taobao_trade_TradeSuccess': {
      const deliveredAt = when(undefined, 'pub_time');
      return { ...base, events: [ev('delivered', 'order.delivered', deliveredAt, { orderId: tidOf(message.content), deliveredAt })] };
    }
    case 'taobao_refund_RefundCreated': {
      const type = message.content.has_good_return === true || message.content.has_good_return === 'true' ? 'order.return-requested' : 'order.cancel-requested';
      return { ...base, events: [ev('refund-request', type, when(message.content.modified, 'content.modified'), { orderId: tidOf(message.content), reason: '买家申请退款', refundId: String(message.content.refund_id ?? ''), platform: 'tmc' })] };
    }
    case 'taobao_refund_RefundSuccess': {
      const settledAt = when(message.content.modified, 'content.modified');
      return { ...base, events: [ev('refund-settled', 'refund.settled', settledAt, { orderId: tidOf(message.content), settledAt })] };
    }
    default:
      return { ...base, events: [], ignored: `topic ${message.topic} is not mapped` };
  }
}

function requireTrade(trade: Json | undefined): Json {
  if (trade === undefined) throw new ConnectorBodyInvalid('the trade was not fetched');
  return trade;
}

function orderPlaced(trade: Json, defaultChannel: PaymentChannel) {
  const orderId = String(trade.tid ?? '');
  if (orderId === '') throw new ConnectorBodyInvalid('trade.tid: is required');
  const placedAt = beijing(trade.created);
  if (placedAt === undefined) throw new ConnectorBodyInvalid('trade.created: is required');
  const orders = isRecord(trade.orders) && Array.isArray(trade.orders.order) ? trade.orders.order.filter(isRecord) : [];
  if (orders.length === 0) throw new ConnectorBodyInvalid('trade.orders.order: must list at least one item');
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const address = [trade.receiver_state, trade.receiver_city, trade.receiver_district, trade.receiver_address].map(text).filter((p) => p !== undefined).join('');
  return {
    orderId,
    placedAt,
    paid: beijing(trade.pay_time) !== undefined,
    customer: { name: text(trade.receiver_name) ?? '—', phone: text(trade.receiver_mobile) ?? text(trade.receiver_phone) ?? '—' },
    address: address === '' ? '—' : address,
    items: orders.map((o, i) => ({ sku: text(o.outer_sku_id) ?? text(o.outer_iid) ?? `line-${String(o.oid ?? i)}`, name: text(o.title) ?? '—', qty: Number(o.num ?? 1), price: Number(o.price ?? 0) })),
    // Taobao and Tmall orders are paid through Alipay.
    paymentChannel: defaultChannel === 'alipay' ? ('alipay' as const) : defaultChannel,
    platform: 'tmc',
  };
}
