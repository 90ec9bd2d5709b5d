/**
 * Douyin Shop push messages → our storefront events (pure; docs/connectors.md has the table and
 * the sources). The push carries ids and a few facts (`data`, a JSON string); the order's details
 * (customer, address, items) come from `order.orderDetail`, passed in as `detail`. Times are unix
 * seconds; amounts are fen (分).
 */
import type { PaymentChannel, StorefrontEvent } from '../../core/storefront/events.ts';
import { ConnectorBodyInvalid } from '../shared/errors.ts';
import { isRecord, text, unix } from '../shared/json.ts';
import type { PlatformMessage } from '../shared/types.ts';

type Json = Record<string, unknown>;

export const DouyinTag = {
  tradeCreate: '100',
  tradePaid: '101',
  tradeSellerShip: '102',
  tradeSuccess: '103',
  tradeCanceled: '106',
  shipTimeChanged: '126',
  refundCreated: '200',
  refundSuccess: '206',
  afterSaleTimeoutChanged: '209',
} as const;

/** Tags whose mapping needs the order's details. */
export function needsOrderDetail(tag: string, data: Json): boolean {
  return tag === DouyinTag.tradeCreate || tag === DouyinTag.tradePaid || (tag === DouyinTag.refundCreated && data.aftersale_type === undefined);
}

export function orderIdOf(data: Json): string {
  const id = data.p_id ?? data.order_id ?? data.shop_order_id;
  if ((typeof id === 'number' && Number.isSafeInteger(id)) || (typeof id === 'string' && id.trim() !== '')) return String(id);
  throw new ConnectorBodyInvalid('data.p_id: is required (the parent order id)');
}

export function mapDouyin(message: { tag: string; msgId: string; data: Json }, detail: Json | undefined, defaultChannel: PaymentChannel): PlatformMessage {
  const { tag, msgId, data } = message;
  const base = { messageId: msgId, kind: `tag ${tag}` };
  const ev = (suffix: string, type: StorefrontEvent['type'], occurredAt: string, payload: Json) => ({ id: `douyin-${msgId}-${suffix}`, type, occurredAt, data: payload }) as StorefrontEvent;
  switch (tag) {
    case DouyinTag.tradeCreate: {
      const placed = orderPlaced(orderIdOf(data), requireDetail(detail), defaultChannel);
      return { ...base, events: [ev('placed', 'order.placed', placed.placedAt, placed)] };
    }
    case DouyinTag.tradePaid: {
      const placed = { ...orderPlaced(orderIdOf(data), requireDetail(detail), defaultChannel), paid: true };
      const paidAt = unix(data.pay_time) ?? placed.placedAt;
      return { ...base, events: [ev('placed', 'order.placed', placed.placedAt, placed), ev('paid', 'order.paid', paidAt, { orderId: placed.orderId, paidAt })] };
    }
    case DouyinTag.tradeSuccess: {
      const deliveredAt = requireUnix(data.complete_time, 'data.complete_time');
      return { ...base, events: [ev('delivered', 'order.delivered', deliveredAt, { orderId: orderIdOf(data), deliveredAt })] };
    }
    case DouyinTag.tradeCanceled: {
      const at = requireUnix(data.cancel_time, 'data.cancel_time');
      return { ...base, events: [ev('cancel', 'order.cancel-requested', at, { orderId: orderIdOf(data), reason: text(data.cancel_reason) ?? '订单取消', platform: 'douyin' })] };
    }
    case DouyinTag.refundCreated: {
      const orderId = orderIdOf(data);
      const at = requireUnix(data.apply_time, 'data.apply_time');
      // aftersale_type 0 退货, 1 售后仅退款 (shipped), 2 发货前整单退款; without it, the order's status decides (2 备货中: not shipped).
      const beforeShipping = data.aftersale_type !== undefined ? Number(data.aftersale_type) === 2 : Number(requireDetail(detail).order_status) === 2;
      const payload = { orderId, reason: text(data.reason_text) ?? `售后原因码 ${String(data.reason_code ?? '—')}`, afterSaleId: String(data.aftersale_id ?? ''), platform: 'douyin' };
      return { ...base, events: [ev('after-sale', beforeShipping ? 'order.cancel-requested' : 'order.return-requested', at, payload)] };
    }
    case DouyinTag.refundSuccess: {
      const settledAt = requireUnix(data.success_time, 'data.success_time');
      return { ...base, events: [ev('refund-settled', 'refund.settled', settledAt, { orderId: orderIdOf(data), settledAt })] };
    }
    case DouyinTag.shipTimeChanged: {
      const due = requireUnix(data.exp_ship_time ?? data.ship_time, 'data.exp_ship_time');
      return { ...base, events: [], platformDeadlines: [{ orderId: orderIdOf(data), kind: 'ship-by', due, source: 'douyin tag 126' }] };
    }
    case DouyinTag.afterSaleTimeoutChanged: {
      const due = requireUnix(data.expire_time ?? data.overdue_time, 'data.expire_time');
      return { ...base, events: [], platformDeadlines: [{ orderId: orderIdOf(data), kind: 'after-sale-by', due, source: 'douyin tag 209' }] };
    }
    default:
      return { ...base, events: [], ignored: `tag ${tag} is not mapped` };
  }
}

function orderPlaced(orderId: string, detail: Json, defaultChannel: PaymentChannel) {
  const placedAt = requireUnix(detail.create_time, 'order.orderDetail create_time');
  const lines = Array.isArray(detail.sku_order_list) ? detail.sku_order_list.filter(isRecord) : [];
  if (lines.length === 0) throw new ConnectorBodyInvalid('order.orderDetail sku_order_list: must list at least one item');
  const addr = isRecord(detail.post_addr) ? detail.post_addr : {};
  const part = (v: unknown) => (isRecord(v) ? text(v.name) : undefined);
  const address = [part(addr.province), part(addr.city), part(addr.town), text(addr.detail)].filter((p) => p !== undefined).join('');
  return {
    orderId,
    placedAt,
    paid: Number(detail.order_status) >= 2 && Number(detail.order_status) !== 4,
    // Douyin hands out masked receiver data; the clear values need its decrypt API.
    customer: { name: text(detail.mask_post_receiver) ?? text(detail.post_receiver) ?? '—', phone: text(detail.mask_post_tel) ?? text(detail.post_tel) ?? '—' },
    address: address === '' ? '—' : address,
    items: lines.map((l, i) => ({
      sku: text(l.out_sku_id) ?? text(l.code) ?? (l.sku_id !== undefined ? `sku-${String(l.sku_id)}` : `line-${i}`),
      name: text(l.product_name) ?? '—',
      qty: typeof l.item_num === 'number' ? l.item_num : 1,
      price: Number(l.origin_amount ?? l.pay_amount ?? 0) / 100,
    })),
    paymentChannel: Number(detail.pay_type) === 2 ? ('alipay' as const) : defaultChannel,
    platform: 'douyin',
    ...(unix(detail.exp_ship_time) !== undefined ? { platformShipBy: unix(detail.exp_ship_time) } : {}),
  };
}

function requireDetail(detail: Json | undefined): Json {
  if (detail === undefined) throw new ConnectorBodyInvalid('the order details were not fetched');
  return detail;
}

function requireUnix(value: unknown, field: string): string {
  const at = unix(value);
  if (at === undefined) throw new ConnectorBodyInvalid(`${field}: is required (unix seconds)`);
  return at;
}
