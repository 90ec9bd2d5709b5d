/**
 * Generated platform pushes for `POST|GET /connectors/{platform}/{shopId}`: each platform's sample
 * bodies (valid, mutated, raw-edited), signed as the platform signs or not (wrong key, none),
 * to a configured shop, an unknown one or an unknown platform.
 */
import fc from 'fast-check';
import { shopifyCancelled, shopifyFulfillment, shopifyOrder, shopifyRefund, shopifyReturnRequest } from '../../../../connectors/shopify/sample.ts';
import type { RawRequest } from '../../../../local/gateway/api-event.ts';
import { shopifyDelivery } from '../../../support/connectors/shopify.ts';
import { youzanRefundCreated, youzanRefundSuccess, youzanTradeBuyerPay, youzanTradeClose, youzanTradeCreate, youzanTradeSuccess } from '../../../../connectors/youzan/sample.ts';
import { youzanDelivery } from '../../../support/connectors/youzan.ts';
import { douyinData } from '../../../../connectors/douyin/sample.ts';
import { douyinPushHeaders } from '../../../support/connectors/douyin.ts';
import { applyRaw, mutate, mutation, rawMutation, type Json, type Mutation, type RawMutation } from './values.ts';

/** The shops the rig configures (rig.ts) with these secrets. */
export const FUZZ_CONNECTORS = [
  { platform: 'shopify', shopId: 'fuzz-shop', secrets: { clientSecret: { env: 'FUZZ_SHOPIFY_SECRET' } }, paymentChannel: 'alipay' as const },
  { platform: 'youzan', shopId: 'fuzz-shop', appId: 'fuzz-client', secrets: { clientSecret: { env: 'FUZZ_YOUZAN_SECRET' } } },
  // apiBase: the rig's FakeDouyinApi (rig.ts), which knows the orders DOUYIN_ORDERS names.
  { platform: 'douyin', shopId: 'fuzz-shop', appId: 'fuzz-app', secrets: { appSecret: { env: 'FUZZ_DOUYIN_SECRET' }, accessToken: { env: 'FUZZ_DOUYIN_TOKEN' } } },
];
export const FUZZ_CONNECTOR_SECRETS: Record<string, string> = { FUZZ_SHOPIFY_SECRET: 'shpss_fuzz', FUZZ_YOUZAN_SECRET: 'youzan_fuzz', FUZZ_DOUYIN_SECRET: 'douyin_fuzz', FUZZ_DOUYIN_TOKEN: 'douyin_token' };
export const DOUYIN_ORDERS = ['6900000000000000001', 'SO-FUZZ-0', '6900000000000000002'];

const AT = fc.constantFrom('2025-03-01T10:00:00+08:00', '2025-03-03T02:00:00Z');
const ORDER = fc.constantFrom(1, 2, 3, 7001);

const shopifyTopic = fc.oneof(
  fc.record({ topic: fc.constant('orders/create'), payload: fc.record({ orderId: ORDER, at: AT, paid: fc.boolean() }).map((o) => shopifyOrder(o)) }),
  fc.record({ topic: fc.constant('orders/paid'), payload: fc.tuple(ORDER, AT).map(([orderId, at]) => shopifyOrder({ orderId, at })) }),
  fc.record({ topic: fc.constant('orders/cancelled'), payload: fc.tuple(ORDER, AT).map(([orderId, at]) => shopifyCancelled(orderId, at)) }),
  fc.record({ topic: fc.constant('returns/request'), payload: fc.tuple(ORDER, AT).map(([orderId, at]) => shopifyReturnRequest(orderId, at)) }),
  fc.record({ topic: fc.constant('refunds/create'), payload: fc.tuple(ORDER, AT).map(([orderId, at]) => shopifyRefund(orderId, at)) }),
  fc.record({ topic: fc.constantFrom('fulfillments/create', 'fulfillments/update'), payload: fc.tuple(ORDER, AT, fc.constantFrom('delivered', 'in_transit', null)).map(([orderId, at, s]) => shopifyFulfillment(orderId, at, s)) }),
  fc.record({ topic: fc.constantFrom('products/update', '', 'orders/create\u0000'), payload: fc.constant({ id: 1 }) }),
);

const TID = fc.constantFrom('E1', 'E2', 'SO-FUZZ-0', 'E9');
const BEIJING = fc.constantFrom('2025-03-01 10:00:00', '2025-03-03 02:00:00', '2025-02-29 10:00:00', '10:00');
const youzanOptions = fc.record({ clientId: fc.constant('fuzz-client'), tid: TID, at: BEIJING, version: fc.integer({ min: 1, max: 5 }), msgId: fc.oneof(fc.uuid(), fc.constantFrom('m-1', 'm-2')), test: fc.boolean() });
const youzanMessage = fc.oneof(
  youzanOptions.map(youzanTradeCreate),
  youzanOptions.map(youzanTradeBuyerPay),
  youzanOptions.map(youzanTradeClose),
  youzanOptions.map(youzanTradeSuccess),
  fc.tuple(youzanOptions, fc.constantFrom('REFUND_ONLY' as const, 'REFUND_AND_RETURN' as const, 'EXCHANGE_GOODS_FLOW' as const)).map(([o, t]) => youzanRefundCreated(o, t)),
  youzanOptions.map(youzanRefundSuccess),
  fc.constant({ type: 'ITEM_INFO', id: '1', msg: '%7B%7D' }),
);

const DY_ORDER = fc.constantFrom(...DOUYIN_ORDERS);
const DY_AT = fc.constantFrom(Date.parse('2025-03-01T02:00:00Z'), Date.parse('2025-03-03T02:00:00Z'));
const douyinOne = fc.oneof(
  fc.tuple(DY_ORDER, DY_AT).map(([o, at]) => ({ tag: '100', data: douyinData.tradeCreate(o, at) })),
  fc.tuple(DY_ORDER, DY_AT).map(([o, at]) => ({ tag: '101', data: douyinData.tradePaid(o, at) })),
  fc.tuple(DY_ORDER, DY_AT).map(([o, at]) => ({ tag: '103', data: douyinData.tradeSuccess(o, at) })),
  fc.tuple(DY_ORDER, DY_AT).map(([o, at]) => ({ tag: '106', data: douyinData.tradeCanceled(o, at) })),
  fc.tuple(DY_ORDER, DY_AT, fc.constantFrom(0, 1, 2, undefined)).map(([o, at, t]) => ({ tag: '200', data: douyinData.refundCreated(o, at, t) })),
  fc.tuple(DY_ORDER, DY_AT).map(([o, at]) => ({ tag: '206', data: douyinData.refundSuccess(o, at) })),
  fc.tuple(DY_ORDER, DY_AT).map(([o, at]) => ({ tag: '126', data: douyinData.shipTimeChanged(o, at) })),
  fc.tuple(DY_ORDER, DY_AT).map(([o, at]) => ({ tag: '209', data: douyinData.afterSaleTimeoutChanged(o, at) })),
  fc.constant({ tag: '102', data: { p_id: '6900000000000000001' } }),
);
const douyinBatch = fc
  .array(fc.record({ one: douyinOne, msgId: fc.oneof(fc.integer({ min: 1, max: 30 }).map((n) => `dy-${n}`), fc.uuid()), stringData: fc.boolean() }), { minLength: 1, maxLength: 3 })
  .map((items) => ({ topic: 'douyin', payload: items.map(({ one, msgId, stringData }) => ({ tag: one.tag, msg_id: msgId, data: stringData ? JSON.stringify(one.data) : one.data })) as unknown as Json }));

export interface ConnectorPlan {
  kind: 'connector';
  platform: 'shopify' | 'youzan' | 'douyin';
  push: { topic: string; payload: Json };
  mutation: Mutation;
  raw: RawMutation;
  shop: 'known' | 'unknown' | 'unknown-platform';
  signature: 'valid' | 'wrong' | 'missing';
  method: 'POST' | 'GET';
  webhookId: string;
}

export function connectorPlan(): fc.Arbitrary<ConnectorPlan> {
  return fc.record({
    kind: fc.constant('connector' as const),
    platform: fc.constantFrom('shopify' as const, 'youzan' as const, 'douyin' as const),
    push: fc.oneof(shopifyTopic as fc.Arbitrary<{ topic: string; payload: Json }>, youzanMessage.map((m) => ({ topic: String(m.type), payload: m as Json })), douyinBatch),
    mutation: fc.oneof({ weight: 2, arbitrary: fc.constant({ kind: 'none' } as Mutation) }, { weight: 1, arbitrary: mutation }),
    raw: fc.oneof({ weight: 3, arbitrary: fc.constant('none' as RawMutation) }, { weight: 1, arbitrary: rawMutation }),
    shop: fc.oneof({ weight: 4, arbitrary: fc.constant('known' as const) }, { weight: 1, arbitrary: fc.constantFrom('unknown' as const, 'unknown-platform' as const) }),
    signature: fc.oneof({ weight: 3, arbitrary: fc.constant('valid' as const) }, { weight: 1, arbitrary: fc.constantFrom('wrong' as const, 'missing' as const) }),
    method: fc.oneof({ weight: 9, arbitrary: fc.constant('POST' as const) }, { weight: 1, arbitrary: fc.constant('GET' as const) }),
    webhookId: fc.oneof(fc.integer({ min: 1, max: 30 }).map((n) => `wh-${n}`), fc.uuid(), fc.constantFrom('', 'bad id', 'x'.repeat(200))),
  });
}

export function connectorRequest(plan: ConnectorPlan): RawRequest {
  const body = applyRaw(JSON.stringify(mutate(plan.push.payload, plan.mutation)), plan.raw);
  const secretName = { shopify: 'FUZZ_SHOPIFY_SECRET', youzan: 'FUZZ_YOUZAN_SECRET', douyin: 'FUZZ_DOUYIN_SECRET' }[plan.platform];
  const secret = plan.signature === 'wrong' ? 'not-the-secret' : (FUZZ_CONNECTOR_SECRETS[secretName] as string);
  // Each signature is over the bytes sent: sign what applyRaw produced.
  const headers = {
    shopify: () => shopifyDelivery(plan.push.topic, body, { secret, webhookId: plan.webhookId }),
    youzan: () => youzanDelivery(body, { clientId: 'fuzz-client', clientSecret: secret, type: plan.push.topic }),
    douyin: () => douyinPushHeaders(body, 'fuzz-app', secret),
  }[plan.platform]();
  if (plan.signature === 'missing') {
    delete headers['X-Shopify-Hmac-SHA256'];
    delete headers['Event-Sign'];
    delete headers['event-sign'];
  }
  const path = { known: `/connectors/${plan.platform}/fuzz-shop`, unknown: `/connectors/${plan.platform}/no-such-shop`, 'unknown-platform': '/connectors/ebay/fuzz-shop' }[plan.shop];
  return { method: plan.method, url: path, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])), body: plan.method === 'GET' ? Buffer.alloc(0) : body, sourceIp: '127.0.0.1' };
}
