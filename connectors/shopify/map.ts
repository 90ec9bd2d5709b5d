/**
 * Shopify webhook topics → our storefront events (pure; docs/connectors.md has the table and the
 * sources). Every value comes from the payload, never from a clock, so a redelivery maps to the
 * same events and replays.
 *
 * - `orders/create` → `order.placed` (`paid` when `financial_status` is `paid`).
 * - `orders/paid` → `order.placed` (paid; finds the case when it exists) then `order.paid`.
 * - `orders/cancelled` → `order.cancel-requested` with `cancel_reason`.
 * - `returns/request` → `order.return-requested` for the return's order.
 * - `refunds/create` → `refund.settled` for the refund's order.
 * - `fulfillments/create`, `fulfillments/update` → `order.delivered` once `shipment_status` is
 *   `delivered`; a fulfillment still in transit is acknowledged and ignored (our `order.delivered`
 *   is the customer's receipt, which starts the 7-day windows, not the parcel's dispatch).
 */
import type { StorefrontEvent } from '../../core/storefront/events.ts';
import type { PaymentChannel } from '../../core/storefront/events.ts';
import { ConnectorBodyInvalid } from '../shared/errors.ts';
import { isRecord, text } from '../shared/json.ts';

export const SHOPIFY_TOPICS = ['orders/create', 'orders/paid', 'orders/cancelled', 'returns/request', 'refunds/create', 'fulfillments/create', 'fulfillments/update'] as const;

export interface ShopifyMapping {
  events: StorefrontEvent[];
  ignored?: string;
}

type Json = Record<string, unknown>;

export function mapShopify(topic: string, webhookId: string, payload: unknown, defaultChannel: PaymentChannel): ShopifyMapping {
  if (!isRecord(payload)) throw new ConnectorBodyInvalid('body: expected a JSON object');
  const id = (suffix: string) => `shopify-${webhookId}-${suffix}`;
  switch (topic) {
    case 'orders/create': {
      const placed = orderPlaced(payload, defaultChannel);
      return { events: [{ id: id('placed'), type: 'order.placed', occurredAt: placed.placedAt, data: placed } as StorefrontEvent] };
    }
    case 'orders/paid': {
      const placed = { ...orderPlaced(payload, defaultChannel), paid: true };
      const paidAt = instant(payload.processed_at) ?? instant(payload.updated_at) ?? placed.placedAt;
      return {
        events: [
          { id: id('placed'), type: 'order.placed', occurredAt: placed.placedAt, data: placed } as StorefrontEvent,
          { id: id('paid'), type: 'order.paid', occurredAt: paidAt, data: { orderId: placed.orderId, paidAt } } as StorefrontEvent,
        ],
      };
    }
    case 'orders/cancelled': {
      const orderId = idOf(payload.id, 'id');
      const at = instant(payload.cancelled_at) ?? requireInstant(payload.updated_at, 'updated_at');
      return { events: [{ id: id('cancel'), type: 'order.cancel-requested', occurredAt: at, data: { orderId, reason: text(payload.cancel_reason) ?? 'cancelled on Shopify', platform: 'shopify' } } as StorefrontEvent] };
    }
    case 'returns/request': {
      const order = isRecord(payload.order) ? payload.order : {};
      const orderId = idOf(order.id ?? payload.order_id, 'order.id');
      const lines = Array.isArray(payload.return_line_items) ? payload.return_line_items.filter(isRecord) : [];
      const reason = lines.map((l) => text(l.customer_note) ?? text(l.return_reason_note) ?? text(l.return_reason)).find((r) => r !== undefined) ?? 'return requested on Shopify';
      const at = instant(payload.created_at) ?? instant(payload.requested_at) ?? instant(payload.updated_at);
      if (at === undefined) throw new ConnectorBodyInvalid('created_at: is required (ISO-8601)');
      return { events: [{ id: id('return'), type: 'order.return-requested', occurredAt: at, data: { orderId, reason, shopifyReturnId: text(payload.admin_graphql_api_id) ?? String(payload.id ?? '') } } as StorefrontEvent] };
    }
    case 'refunds/create': {
      const orderId = idOf(payload.order_id, 'order_id');
      const settledAt = instant(payload.processed_at) ?? requireInstant(payload.created_at, 'created_at');
      return { events: [{ id: id('refund'), type: 'refund.settled', occurredAt: settledAt, data: { orderId, settledAt } } as StorefrontEvent] };
    }
    case 'fulfillments/create':
    case 'fulfillments/update': {
      if (payload.shipment_status !== 'delivered') return { events: [], ignored: `shipment_status ${String(payload.shipment_status ?? 'null')}: not delivered yet` };
      const orderId = idOf(payload.order_id, 'order_id');
      const deliveredAt = requireInstant(payload.updated_at, 'updated_at');
      return { events: [{ id: id('delivered'), type: 'order.delivered', occurredAt: deliveredAt, data: { orderId, deliveredAt } } as StorefrontEvent] };
    }
    default:
      return { events: [], ignored: `topic ${topic} is not mapped` };
  }
}

function orderPlaced(order: Json, defaultChannel: PaymentChannel) {
  const orderId = idOf(order.id, 'id');
  const placedAt = requireInstant(order.created_at, 'created_at');
  const shipping = isRecord(order.shipping_address) ? order.shipping_address : isRecord(order.billing_address) ? order.billing_address : {};
  const customer = isRecord(order.customer) ? order.customer : {};
  const name = text(shipping.name) ?? [text(customer.first_name), text(customer.last_name)].filter(Boolean).join(' ') ?? '';
  const phone = text(order.phone) ?? text(shipping.phone) ?? text(customer.phone);
  const address = [shipping.address1, shipping.address2, shipping.city, shipping.province, shipping.zip, shipping.country].map(text).filter((p) => p !== undefined).join(', ');
  const lines = Array.isArray(order.line_items) ? order.line_items.filter(isRecord) : [];
  if (lines.length === 0) throw new ConnectorBodyInvalid('line_items: must list at least one item');
  const gateways = Array.isArray(order.payment_gateway_names) ? order.payment_gateway_names.map(String).join(' ').toLowerCase() : '';
  return {
    orderId,
    placedAt,
    paid: order.financial_status === 'paid',
    customer: { name: name === '' ? (text(order.email) ?? '—') : name, phone: phone ?? '—' },
    address: address === '' ? '—' : address,
    items: lines.map((l, i) => ({
      sku: text(l.sku) ?? (l.variant_id !== undefined && l.variant_id !== null ? `variant-${String(l.variant_id)}` : `line-${String(l.id ?? i)}`),
      name: text(l.name) ?? text(l.title) ?? '—',
      qty: typeof l.quantity === 'number' ? l.quantity : 1,
      price: Number(l.price ?? 0),
    })),
    paymentChannel: gateways.includes('alipay') ? ('alipay' as const) : defaultChannel,
    platform: 'shopify',
    shopifyOrderName: text(order.name),
  };
}

function idOf(value: unknown, field: string): string {
  if ((typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && value.trim() !== '')) return String(value);
  throw new ConnectorBodyInvalid(`${field}: is required (the Shopify id)`);
}

function instant(value: unknown): string | undefined {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) && /[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : undefined;
}

function requireInstant(value: unknown, field: string): string {
  const at = instant(value);
  if (at === undefined) throw new ConnectorBodyInvalid(`${field}: is required (ISO-8601 with offset)`);
  return at;
}
