/**
 * Youzan push messages → our storefront events (pure; docs/connectors.md has the table and the
 * sources). `msg` is URL-encoded JSON for `trade_*` and the old `trade_refund_*`, an object for
 * the new `youzan_trade_Refund*`. Times are Beijing wall-clock `yyyy-MM-dd HH:mm:ss`.
 */
import type { PaymentChannel, StorefrontEvent } from '../../core/storefront/events.ts';
import { ConnectorBodyInvalid } from '../shared/errors.ts';
import { isRecord, parseJson } from '../shared/json.ts';
import type { PlatformMessage } from '../shared/types.ts';

type Json = Record<string, unknown>;

/** The push envelope's fields we read. */
export interface YouzanPush {
  type: string;
  id: string;
  msgId: string;
  version: number | undefined;
  test: boolean;
  msg: Json;
}

export function readYouzanPush(body: unknown): YouzanPush {
  if (!isRecord(body)) throw new ConnectorBodyInvalid('body: expected a JSON object');
  const type = str(body.type);
  if (type === undefined) throw new ConnectorBodyInvalid('type: is required');
  const id = str(body.id) ?? (typeof body.id === 'number' ? String(body.id) : undefined);
  const version = typeof body.version === 'number' && Number.isFinite(body.version) ? body.version : undefined;
  const msgId = str(body.msg_id) ?? `${type}:${String(body.kdt_id ?? '')}:${id ?? ''}:${String(version ?? '')}`;
  return { type, id: id ?? '', msgId, version, test: body.test === true, msg: decodeMsg(body.msg) };
}

/** URL-encoded JSON (trade_*), or the object itself (youzan_trade_Refund*). */
export function decodeMsg(msg: unknown): Json {
  if (msg === undefined || msg === null || msg === '') return {};
  if (isRecord(msg)) return msg;
  if (typeof msg !== 'string') throw new ConnectorBodyInvalid('msg: expected URL-encoded JSON or an object');
  let text: string;
  try {
    text = decodeURIComponent(msg.replace(/\+/g, '%20'));
  } catch {
    throw new ConnectorBodyInvalid('msg: not valid URL encoding');
  }
  const json = parseJson(text, 'msg');
  if (!isRecord(json)) throw new ConnectorBodyInvalid('msg: expected a JSON object');
  return json;
}

export function mapYouzan(push: YouzanPush, defaultChannel: PaymentChannel): PlatformMessage {
  const base = { messageId: push.msgId, kind: push.type, ...(push.version !== undefined ? { version: { key: `${push.type}:${push.id}`, value: push.version } } : {}) };
  if (push.test) return { ...base, events: [], ignored: 'test message' };
  const eventId = (suffix: string) => `youzan-${push.msgId}-${suffix}`;
  const ev = (suffix: string, type: StorefrontEvent['type'], occurredAt: string, data: Json) => ({ id: eventId(suffix), type, occurredAt, data }) as StorefrontEvent;
  switch (push.type) {
    case 'trade_TradeCreate': {
      const placed = orderPlaced(push.msg, defaultChannel);
      return { ...base, events: [ev('placed', 'order.placed', placed.placedAt, placed)] };
    }
    case 'trade_TradeBuyerPay': {
      const placed = { ...orderPlaced(push.msg, defaultChannel), paid: true };
      const info = orderInfo(push.msg);
      const paidAt = beijing(info.pay_time) ?? placed.placedAt;
      return { ...base, events: [ev('placed', 'order.placed', placed.placedAt, placed), ev('paid', 'order.paid', paidAt, { orderId: placed.orderId, paidAt })] };
    }
    case 'trade_TradeClose': {
      const orderId = tidOf(push);
      const at = requireTime(push.msg.update_time, 'msg.update_time');
      return { ...base, events: [ev('cancel', 'order.cancel-requested', at, { orderId, reason: str(push.msg.close_reason) ?? '交易关闭', closeType: push.msg.close_type ?? null, platform: 'youzan' })] };
    }
    case 'trade_TradeSuccess': {
      const orderId = tidOf(push);
      const at = beijing(push.msg.update_time) ?? (push.version !== undefined ? new Date(push.version * 1000).toISOString() : undefined);
      if (at === undefined) throw new ConnectorBodyInvalid('msg.update_time: is required');
      return { ...base, events: [ev('delivered', 'order.delivered', at, { orderId, deliveredAt: at })] };
    }
    case 'trade_refund_BuyerCreated':
    case 'youzan_trade_RefundCreated': {
      const orderId = tidOf(push);
      const at = requireTime(push.msg.update_time ?? push.msg.created_time, 'msg.update_time');
      const reason = str(push.msg.refund_reason_desc) ?? str(push.msg.refund_reason) ?? '买家申请退款';
      const data = { orderId, reason, refundId: str(push.msg.refund_id) ?? null, refundType: str(push.msg.refund_type) ?? null, platform: 'youzan' };
      const type = push.msg.refund_type === 'REFUND_AND_RETURN' ? 'order.return-requested' : push.msg.refund_type === 'EXCHANGE_GOODS_FLOW' ? 'order.exchange-requested' : 'order.cancel-requested';
      return { ...base, events: [ev('refund-request', type, at, data)] };
    }
    case 'trade_refund_RefundSuccess':
    case 'youzan_trade_RefundSuccess': {
      const orderId = tidOf(push);
      const settledAt = requireTime(push.msg.update_time, 'msg.update_time');
      return { ...base, events: [ev('refund-settled', 'refund.settled', settledAt, { orderId, settledAt })] };
    }
    default:
      return { ...base, events: [], ignored: `type ${push.type} is not mapped` };
  }
}

function orderInfo(msg: Json): Json {
  const full = isRecord(msg.full_order_info) ? msg.full_order_info : {};
  return isRecord(full.order_info) ? full.order_info : {};
}

function orderPlaced(msg: Json, defaultChannel: PaymentChannel) {
  const full = isRecord(msg.full_order_info) ? msg.full_order_info : undefined;
  if (full === undefined) throw new ConnectorBodyInvalid('msg.full_order_info: is required');
  const info = orderInfo(msg);
  const orderId = str(info.tid);
  if (orderId === undefined) throw new ConnectorBodyInvalid('msg.full_order_info.order_info.tid: is required');
  const placedAt = requireTime(info.created, 'msg.full_order_info.order_info.created');
  const buyer = isRecord(full.buyer_info) ? full.buyer_info : {};
  const address = isRecord(full.address_info) ? full.address_info : {};
  const lines = Array.isArray(full.orders) ? full.orders.filter(isRecord) : [];
  if (lines.length === 0) throw new ConnectorBodyInvalid('msg.full_order_info.orders: must list at least one item');
  const line = [address.delivery_province, address.delivery_city, address.delivery_district, address.delivery_address].map(str).filter((p) => p !== undefined).join('');
  return {
    orderId,
    placedAt,
    paid: info.status !== 'WAIT_BUYER_PAY' && beijing(info.pay_time) !== undefined,
    customer: { name: str(address.receiver_name) ?? str(buyer.fans_nickname) ?? '—', phone: str(address.receiver_tel) ?? str(buyer.buyer_phone) ?? '—' },
    address: line === '' ? '—' : line,
    items: lines.map((l, i) => ({
      sku: str(l.outer_sku_id) ?? str(l.outer_item_id) ?? (l.sku_id !== undefined ? `sku-${String(l.sku_id)}` : `line-${String(l.oid ?? i)}`),
      name: str(l.title) ?? '—',
      qty: typeof l.num === 'number' ? l.num : Number(l.num ?? 1),
      price: Number(l.price ?? 0),
    })),
    paymentChannel: defaultChannel,
    platform: 'youzan',
  };
}

function tidOf(push: YouzanPush): string {
  const tid = str(push.msg.tid) ?? (push.id !== '' ? push.id : undefined);
  if (tid === undefined) throw new ConnectorBodyInvalid('msg.tid: is required');
  return tid;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** `2026-11-30 09:05:00` (Beijing) → `2026-11-30T09:05:00+08:00`; an ISO time with offset as it is. */
export function beijing(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const wall = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)$/.exec(value.trim());
  const iso = wall ? `${wall[1]}T${wall[2]}+08:00` : value.trim();
  return /([zZ]|[+-]\d\d:\d\d)$/.test(iso) && !Number.isNaN(Date.parse(iso)) ? iso : undefined;
}

function requireTime(value: unknown, field: string): string {
  const at = beijing(value);
  if (at === undefined) throw new ConnectorBodyInvalid(`${field}: is required (yyyy-MM-dd HH:mm:ss, Beijing time)`);
  return at;
}
