/**
 * WeChat Shop (微信小店) events → our storefront events (pure; docs/connectors.md has the table).
 * The decrypted push names the event (`Event`) and carries ids; the order (`order/get`) and the
 * after-sale order (`aftersale/getaftersaleorder`) are fetched and passed in. Times are unix
 * seconds, amounts fen.
 */
import type { PaymentChannel, StorefrontEvent } from '../../core/storefront/events.ts';
import { ConnectorBodyInvalid } from '../shared/errors.ts';
import { isRecord, text, unix } from '../shared/json.ts';
import type { PlatformMessage } from '../shared/types.ts';

type Json = Record<string, unknown>;

export const WechatEvent = {
  orderNew: 'channels_ec_order_new',
  orderPay: 'channels_ec_order_pay',
  orderCancel: 'channels_ec_order_cancel',
  orderConfirm: 'channels_ec_order_confirm',
  afterSaleUpdate: 'channels_ec_aftersale_update',
} as const;

/** What must be fetched for an event: the order, the after-sale order, or nothing. */
export function detailNeeded(event: Json): { order?: string; afterSale?: string } {
  const name = String(event.Event ?? '');
  if (name === WechatEvent.orderNew || name === WechatEvent.orderPay) return { order: orderIdOf(event) };
  if (name === WechatEvent.afterSaleUpdate) {
    const info = isRecord(event.finder_shop_aftersale_status_update) ? event.finder_shop_aftersale_status_update : isRecord(event.aftersale_info) ? event.aftersale_info : {};
    const id = info.after_sale_order_id;
    if (typeof id !== 'string' && typeof id !== 'number') throw new ConnectorBodyInvalid('after_sale_order_id: is required');
    return { afterSale: String(id) };
  }
  return {};
}

export function orderIdOf(event: Json): string {
  const info = isRecord(event.order_info) ? event.order_info : {};
  const id = info.order_id ?? event.order_id;
  if ((typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isSafeInteger(id))) return String(id);
  throw new ConnectorBodyInvalid('order_info.order_id: is required');
}

export function mapWechat(event: Json, details: { order?: Json; afterSale?: Json }, defaultChannel: PaymentChannel): PlatformMessage {
  const name = String(event.Event ?? event.MsgType ?? '');
  const created = unix(event.CreateTime);
  const subject = name === WechatEvent.afterSaleUpdate ? String(detailNeeded(event).afterSale) : tryOrderId(event);
  // WeChat pushes carry no message id: the event, its subject and its time identify one (as WeChat advises for dedupe).
  const messageId = `${name}:${subject ?? ''}:${String(event.CreateTime ?? '')}`;
  const base = { messageId, kind: name };
  const ev = (suffix: string, type: StorefrontEvent['type'], occurredAt: string, data: Json) => ({ id: `wechat-${messageId}-${suffix}`, type, occurredAt, data }) as StorefrontEvent;
  switch (name) {
    case WechatEvent.orderNew: {
      const placed = orderPlaced(requireOrder(details.order), defaultChannel);
      return { ...base, events: [ev('placed', 'order.placed', placed.placedAt, placed)] };
    }
    case WechatEvent.orderPay: {
      const order = requireOrder(details.order);
      const placed = { ...orderPlaced(order, defaultChannel), paid: true };
      const payInfo = isRecord(event.order_info) ? event.order_info : {};
      const paidAt = unix(payInfo.pay_time) ?? payTime(order) ?? created ?? placed.placedAt;
      return { ...base, events: [ev('placed', 'order.placed', placed.placedAt, placed), ev('paid', 'order.paid', paidAt, { orderId: placed.orderId, paidAt })] };
    }
    case WechatEvent.orderCancel: {
      const at = requireTime(created, 'CreateTime');
      const info = isRecord(event.order_info) ? event.order_info : {};
      return { ...base, events: [ev('cancel', 'order.cancel-requested', at, { orderId: orderIdOf(event), reason: cancelReason(info.cancel_type), platform: 'wechat-shop' })] };
    }
    case WechatEvent.orderConfirm: {
      const at = requireTime(created, 'CreateTime');
      return { ...base, events: [ev('delivered', 'order.delivered', at, { orderId: orderIdOf(event), deliveredAt: at })] };
    }
    case WechatEvent.afterSaleUpdate: {
      const sale = details.afterSale;
      if (sale === undefined) throw new ConnectorBodyInvalid('the after-sale order was not fetched');
      const orderId = String(sale.order_id ?? '');
      if (orderId === '') throw new ConnectorBodyInvalid('after_sale_order.order_id: is required');
      const status = String(sale.status ?? '');
      if (status === 'MERCHANT_REFUND_SUCCESS' || status === 'REFUND_SUCCESS') {
        const settledAt = requireTime(unix(sale.update_time) ?? created, 'after_sale_order.update_time');
        return { ...base, events: [ev('refund-settled', 'refund.settled', settledAt, { orderId, settledAt })] };
      }
      if (status === 'MERCHANT_PROCESSING' || status === 'USER_CREATED') {
        const at = requireTime(unix(sale.create_time) ?? created, 'after_sale_order.create_time');
        const reason = text(sale.refund_reason) ?? text(isRecord(sale.details) ? sale.details.desc : undefined) ?? '售后申请';
        const type = sale.type === 'RETURN' ? 'order.return-requested' : 'order.cancel-requested';
        return { ...base, events: [ev('after-sale', type, at, { orderId, reason, afterSaleOrderId: String(sale.after_sale_order_id ?? ''), platform: 'wechat-shop' })] };
      }
      return { ...base, events: [], ignored: `after-sale status ${status} is not mapped` };
    }
    default:
      return { ...base, events: [], ignored: `event ${name} is not mapped` };
  }
}

function orderPlaced(order: Json, defaultChannel: PaymentChannel) {
  const orderId = String(order.order_id ?? '');
  if (orderId === '') throw new ConnectorBodyInvalid('order.order_id: is required');
  const placedAt = requireTime(unix(order.create_time), 'order.create_time');
  const detail = isRecord(order.order_detail) ? order.order_detail : {};
  const delivery = isRecord(detail.delivery_info) ? detail.delivery_info : {};
  const address = isRecord(delivery.address_info) ? delivery.address_info : {};
  const products = Array.isArray(detail.product_infos) ? detail.product_infos.filter(isRecord) : [];
  if (products.length === 0) throw new ConnectorBodyInvalid('order.order_detail.product_infos: must list at least one item');
  const line = [address.province_name, address.city_name, address.county_name, address.detail_info].map(text).filter((p) => p !== undefined).join('');
  return {
    orderId,
    placedAt,
    // status 10 待付款 (unpaid); 20 待发货 and later are paid.
    paid: Number(order.status) >= 20 && Number(order.status) !== 250,
    customer: { name: text(address.user_name) ?? '—', phone: text(address.tel_number) ?? text(address.virtual_order_tel_number) ?? '—' },
    address: line === '' ? '—' : line,
    items: products.map((p, i) => ({
      sku: text(p.sku_code) ?? (p.sku_id !== undefined ? `sku-${String(p.sku_id)}` : `line-${i}`),
      name: text(p.title) ?? '—',
      qty: typeof p.sku_cnt === 'number' ? p.sku_cnt : 1,
      price: Number(p.sale_price ?? 0) / 100,
    })),
    paymentChannel: defaultChannel,
    platform: 'wechat-shop',
  };
}

function payTime(order: Json): string | undefined {
  const detail = isRecord(order.order_detail) ? order.order_detail : {};
  return unix(isRecord(detail.pay_info) ? detail.pay_info.pay_time : undefined);
}

function cancelReason(type: unknown): string {
  return ({ 1: '买家取消', 2: '超时未支付', 3: '商家取消' } as Record<string, string>)[String(type)] ?? '订单取消';
}

function requireOrder(order: Json | undefined): Json {
  if (order === undefined) throw new ConnectorBodyInvalid('the order was not fetched');
  return order;
}

function tryOrderId(event: Json): string | undefined {
  try {
    return orderIdOf(event);
  } catch {
    return undefined;
  }
}

function requireTime(value: string | undefined, field: string): string {
  if (value === undefined) throw new ConnectorBodyInvalid(`${field}: is required (unix seconds)`);
  return value;
}
