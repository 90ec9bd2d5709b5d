/**
 * The storefront webhook events of api.md as zod schemas: the envelope
 * `{id, type, occurredAt, data}` and each type's `data`. Required fields are checked; extra fields
 * are kept (the contract allows more), so the case stores the storefront's full payload.
 */
import { z } from 'zod';
import { personal } from '../privacy/personal.ts';
import { STOREFRONT_LIMITS } from './limits.ts';
import { complaintCategory, complaintLevel } from '../complaints/kinds.ts';

/** A custom message for a present but invalid value; a missing field still reads "is required". */
const unlessMissing =
  (message: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? 'is required' : message;

/** ISO-8601 with an offset (`Z` or `±hh:mm`): a time without one is ambiguous across zones. */
const instant = z.iso.datetime({ offset: true, error: unlessMissing('must be an ISO-8601 time with an offset, e.g. 2025-03-03T10:00:00+08:00') });
const text = z.string().trim().min(1, 'must not be empty');
/** Ids become DynamoDB keys and case ids: bounded (core/storefront/limits.ts). */
const id = text.max(STOREFRONT_LIMITS.maxIdLength, `must be at most ${STOREFRONT_LIMITS.maxIdLength} characters`);

/** The customer's phone is personal data: staff see it masked (core/cases/mask.ts). */
const customer = z.looseObject({ name: text, phone: personal(text, 'phone') });

export const PaymentChannel = { alipay: 'alipay', bankCard: 'bank-card', boc: 'boc' } as const;
export type PaymentChannel = (typeof PaymentChannel)[keyof typeof PaymentChannel];

const orderFacts = z.looseObject({
  orderId: id,
  placedAt: instant,
  paid: z.boolean(),
  customer,
  // The contract does not fix the address shape: a single line or a structured object.
  address: z.union([text, z.looseObject({})], { error: unlessMissing('must be a non-empty string or an object') }),
  items: z
    .array(
      z.looseObject({
        sku: id,
        name: text,
        qty: z.number().int('must be a whole number').min(1, 'must be at least 1'),
        price: z.number().min(0, 'must not be negative'),
        /** Whether each unit takes a serial number (串号) at packing; default: the policy's `serialNumbers.serializedSkus`. */
        serialized: z.boolean({ error: 'must be true or false' }).optional(),
      }),
    )
    .min(1, 'must list at least one item'),
  paymentChannel: z.enum(Object.values(PaymentChannel), { error: unlessMissing(`must be one of ${Object.values(PaymentChannel).join(', ')}`) }),
  /** A pre-sale order (预售, seed §2.4.3 l.268–274): ships from `shipFrom`, in placement order (service-standards.md §12). */
  presale: z.looseObject({ shipFrom: instant }, { error: 'must be an object {"shipFrom": "<ISO time>"}' }).optional(),
  /** A backorder (缺货先下单, seed §2.4.4 l.322–328): packed when `stock.received` covers it, oldest orders first (§12). */
  backorder: z.boolean({ error: 'must be true or false' }).optional(),
});
/** A pre-sale ships within a year of its placement: the wait is one Step Functions Task, whose timeout is bounded. */
const MAX_PRESALE_DAYS = 366;
const orderPlaced = orderFacts
  .refine((o) => o.presale === undefined || o.backorder !== true, { message: 'cannot be true on a pre-sale order (presale): an order waits for one thing', path: ['backorder'] })
  .refine((o) => o.presale === undefined || Date.parse(o.presale.shipFrom) - Date.parse(o.placedAt) <= MAX_PRESALE_DAYS * 86_400_000, {
    message: `must be within ${MAX_PRESALE_DAYS} days of placedAt`,
    path: ['presale', 'shipFrom'],
  });

/**
 * `order.imported`: an order from before the platform ran (issue 28 item 10) — the data of
 * `order.placed` plus when it was paid and delivered, if it was. It records the order; no workflow.
 */
const orderImported = orderFacts.extend({ paidAt: instant.optional(), deliveredAt: instant.optional() });
/** The facts of an order the platform does not know, carried by a return or exchange request itself. */
const carriedOrder = orderImported.omit({ orderId: true });

const orderPaid = z.looseObject({ orderId: id, paidAt: instant });
const orderRequest = z.looseObject({ orderId: id, reason: text });
/** A return or exchange may carry the order's facts (`order`), used when the order is unknown. */
const afterSalesRequest = orderRequest.extend({ order: carriedOrder.optional() });
const orderDelivered = z.looseObject({ orderId: id, deliveredAt: instant });

/** Events about returned goods or refunds name the case, or the order it belongs to. */
function caseOrOrder<T extends z.ZodRawShape>(shape: T) {
  return z
    .looseObject({ caseId: id.optional(), orderId: id.optional(), ...shape })
    .refine((data) => data.caseId !== undefined || data.orderId !== undefined, { message: 'caseId or orderId is required', path: ['caseId'] });
}

const goodsReceived = caseOrOrder({ receivedAt: instant });
const refundSettled = caseOrOrder({ settledAt: instant });
/** `filedAt`: when the customer left the complaint (default: when the webhook arrived); its deadlines count from it (service-standards.md §7). */
/** `category` and `level` (service-standards.md §12 "Complaint kinds"): the handler may set or correct them at acknowledgement. */
const complaintFiled = z.looseObject({ complaintId: id, orderId: id.optional(), customer, text, filedAt: instant.optional(), category: complaintCategory.optional(), level: complaintLevel.optional() });
const stockLevel = z.looseObject({ sku: id, available: z.number().int('must be a whole number').min(0, 'must not be negative') });
/** Goods of a SKU arrived (service-standards.md §12 "Stock"): clears its stock-out tags and releases backorders, `qty` units oldest first. */
const stockReceived = z.looseObject({ sku: id, qty: z.number({ error: unlessMissing('must be a whole number of at least 1') }).int('must be a whole number').min(1, 'must be at least 1'), receivedAt: instant.optional() });

/**
 * A chat message (api.md `chat.message`, service-standards.md §10). `text` may be sent but is not
 * stored (privacy); an agent's message names its agent.
 */
const chatMessage = z
  .looseObject({
    conversationId: text.max(256, 'must be at most 256 characters'),
    messageId: text.max(256, 'must be at most 256 characters'),
    from: z.enum(['customer', 'agent', 'auto'], { error: unlessMissing('must be one of customer, agent, auto') }),
    sentAt: instant,
    agentId: text.max(256, 'must be at most 256 characters').optional(),
    channel: z.string().max(64, 'must be at most 64 characters').optional(),
    text: z.string().optional(),
  })
  .refine((m) => m.from !== 'agent' || m.agentId !== undefined, { message: 'is required when from is "agent"', path: ['agentId'] });

/** Chat tools send in bulk: 1–100 messages of any conversations. */
const chatMessages = z.looseObject({
  messages: z.array(chatMessage).min(1, 'must list at least one message').max(100, 'must list at most 100 messages'),
});

export const StorefrontEventType = {
  orderPlaced: 'order.placed',
  orderImported: 'order.imported',
  orderPaid: 'order.paid',
  orderCancelRequested: 'order.cancel-requested',
  orderReturnRequested: 'order.return-requested',
  orderExchangeRequested: 'order.exchange-requested',
  orderDelivered: 'order.delivered',
  goodsReceived: 'goods.received',
  refundSettled: 'refund.settled',
  complaintFiled: 'complaint.filed',
  stockLow: 'stock.low',
  stockOut: 'stock.out',
  stockReceived: 'stock.received',
  chatMessage: 'chat.message',
  chatMessages: 'chat.messages',
} as const;
export type StorefrontEventType = (typeof StorefrontEventType)[keyof typeof StorefrontEventType];

/** Each event type's `data` schema: what the case stores, and where its personal fields are (core/privacy). */
export const STOREFRONT_DATA_SCHEMAS = {
  'order.placed': orderPlaced,
  'order.imported': orderImported,
  'order.paid': orderPaid,
  'order.cancel-requested': orderRequest,
  'order.return-requested': afterSalesRequest,
  'order.exchange-requested': afterSalesRequest,
  'order.delivered': orderDelivered,
  'goods.received': goodsReceived,
  'refund.settled': refundSettled,
  'complaint.filed': complaintFiled,
  'stock.low': stockLevel,
  'stock.out': stockLevel,
  'stock.received': stockReceived,
  'chat.message': chatMessage,
  'chat.messages': chatMessages,
} as const satisfies Record<StorefrontEventType, z.ZodType>;

function envelope<T extends StorefrontEventType>(type: T) {
  return z.object({ id, type: z.literal(type), occurredAt: instant, data: STOREFRONT_DATA_SCHEMAS[type] });
}

export const storefrontEvent = z.discriminatedUnion(
  'type',
  [
    envelope('order.placed'),
    envelope('order.imported'),
    envelope('order.paid'),
    envelope('order.cancel-requested'),
    envelope('order.return-requested'),
    envelope('order.exchange-requested'),
    envelope('order.delivered'),
    envelope('goods.received'),
    envelope('refund.settled'),
    envelope('complaint.filed'),
    envelope('stock.low'),
    envelope('stock.out'),
    envelope('stock.received'),
    envelope('chat.message'),
    envelope('chat.messages'),
  ],
  // Only the unmatched discriminator gets this message; a body that is not an object keeps zod's.
  { error: (issue) => (issue.code === 'invalid_union' ? `must be one of ${Object.values(StorefrontEventType).join(', ')}` : undefined) },
);

export type StorefrontEvent = z.infer<typeof storefrontEvent>;
/** The event of one type, e.g. `StorefrontEventOf<'order.placed'>`. */
export type StorefrontEventOf<T extends StorefrontEventType> = Extract<StorefrontEvent, { type: T }>;

/** The order facts of `order.imported` (and of a request's `order`), without the order id. */
export type ImportedOrderFacts = z.infer<typeof carriedOrder>;
