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
import { createCipheriv, createHash } from 'node:crypto';
import { applyRaw, mutate, mutation, rawMutation, type Json, type Mutation, type RawMutation } from './values.ts';

/** The shops the rig configures (rig.ts) with these secrets. */
export const FUZZ_CONNECTORS = [
  { platform: 'shopify', shopId: 'fuzz-shop', secrets: { clientSecret: { env: 'FUZZ_SHOPIFY_SECRET' } }, paymentChannel: 'alipay' as const },
  { platform: 'youzan', shopId: 'fuzz-shop', appId: 'fuzz-client', secrets: { clientSecret: { env: 'FUZZ_YOUZAN_SECRET' } } },
  // apiBase: the rig's FakeDouyinApi (rig.ts), which knows the orders DOUYIN_ORDERS names.
  { platform: 'douyin', shopId: 'fuzz-shop', appId: 'fuzz-app', secrets: { appSecret: { env: 'FUZZ_DOUYIN_SECRET' }, accessToken: { env: 'FUZZ_DOUYIN_TOKEN' } } },
  // Only events that need no API call are generated for WeChat Shop (its apiBase is unreachable here).
  { platform: 'wechat-shop', shopId: 'fuzz-shop', appId: 'wxfuzz', apiBase: 'http://127.0.0.1:9', secrets: { token: { env: 'FUZZ_WX_TOKEN' }, encodingAesKey: { env: 'FUZZ_WX_AES' }, accessToken: { env: 'FUZZ_WX_ACCESS' } } },
];
export const FUZZ_CONNECTOR_SECRETS: Record<string, string> = {
  FUZZ_SHOPIFY_SECRET: 'shpss_fuzz',
  FUZZ_YOUZAN_SECRET: 'youzan_fuzz',
  FUZZ_DOUYIN_SECRET: 'douyin_fuzz',
  FUZZ_DOUYIN_TOKEN: 'douyin_token',
  FUZZ_WX_TOKEN: 'wx_fuzz_token',
  FUZZ_WX_AES: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  FUZZ_WX_ACCESS: 'wx_access',
};
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

const wechatEvent = fc
  .record({ event: fc.constantFrom('channels_ec_order_cancel', 'channels_ec_order_confirm', 'channels_ec_order_deliver', 'product_spu_audit'), order: fc.constantFrom(...DOUYIN_ORDERS, 'SO-FUZZ-1'), at: fc.constantFrom(1740794400, 1740967200, 0) })
  .map(({ event, order, at }) => ({ topic: 'wechat', payload: { ToUserName: 'gh_fuzz', FromUserName: 'o_fuzz', CreateTime: at, MsgType: 'event', Event: event, order_info: { order_id: order, cancel_type: 1 } } as Json }));

/** WeChat's security-mode encryption (documented in test/support/connectors/wechat-shop.ts), with a fixed random part. */
function wechatEncrypt(message: Buffer, appId: string, encodingAesKey: string): string {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(message.length);
  const plain = Buffer.concat([Buffer.alloc(16, 7), len, message, Buffer.from(appId)]);
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}
const sha1Sorted = (...parts: string[]) => createHash('sha1').update([...parts].sort().join('')).digest('hex');

export interface ConnectorPlan {
  kind: 'connector';
  platform: 'shopify' | 'youzan' | 'douyin' | 'wechat-shop';
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
    platform: fc.constantFrom('shopify' as const, 'youzan' as const, 'douyin' as const, 'wechat-shop' as const),
    push: fc.oneof(shopifyTopic as fc.Arbitrary<{ topic: string; payload: Json }>, youzanMessage.map((m) => ({ topic: String(m.type), payload: m as Json })), douyinBatch, wechatEvent),
    mutation: fc.oneof({ weight: 2, arbitrary: fc.constant({ kind: 'none' } as Mutation) }, { weight: 1, arbitrary: mutation }),
    raw: fc.oneof({ weight: 3, arbitrary: fc.constant('none' as RawMutation) }, { weight: 1, arbitrary: rawMutation }),
    shop: fc.oneof({ weight: 4, arbitrary: fc.constant('known' as const) }, { weight: 1, arbitrary: fc.constantFrom('unknown' as const, 'unknown-platform' as const) }),
    signature: fc.oneof({ weight: 3, arbitrary: fc.constant('valid' as const) }, { weight: 1, arbitrary: fc.constantFrom('wrong' as const, 'missing' as const) }),
    method: fc.oneof({ weight: 9, arbitrary: fc.constant('POST' as const) }, { weight: 1, arbitrary: fc.constant('GET' as const) }),
    webhookId: fc.oneof(fc.integer({ min: 1, max: 30 }).map((n) => `wh-${n}`), fc.uuid(), fc.constantFrom('', 'bad id', 'x'.repeat(200))),
  });
}

export function connectorRequest(plan: ConnectorPlan): RawRequest {
  if (plan.platform === 'wechat-shop') return wechatRequest(plan);
  const body = applyRaw(JSON.stringify(mutate(plan.push.payload, plan.mutation)), plan.raw);
  const secretName = { shopify: 'FUZZ_SHOPIFY_SECRET', youzan: 'FUZZ_YOUZAN_SECRET', douyin: 'FUZZ_DOUYIN_SECRET' }[plan.platform as 'shopify' | 'youzan' | 'douyin'];
  const secret = plan.signature === 'wrong' ? 'not-the-secret' : (FUZZ_CONNECTOR_SECRETS[secretName] as string);
  // Each signature is over the bytes sent: sign what applyRaw produced.
  const headers = {
    shopify: () => shopifyDelivery(plan.push.topic, body, { secret, webhookId: plan.webhookId }),
    youzan: () => youzanDelivery(body, { clientId: 'fuzz-client', clientSecret: secret, type: plan.push.topic }),
    douyin: () => douyinPushHeaders(body, 'fuzz-app', secret),
  }[plan.platform as 'shopify' | 'youzan' | 'douyin']();
  if (plan.signature === 'missing') {
    delete headers['X-Shopify-Hmac-SHA256'];
    delete headers['Event-Sign'];
    delete headers['event-sign'];
  }
  const path = { known: `/connectors/${plan.platform}/fuzz-shop`, unknown: `/connectors/${plan.platform}/no-such-shop`, 'unknown-platform': '/connectors/ebay/fuzz-shop' }[plan.shop];
  return { method: plan.method, url: path, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])), body: plan.method === 'GET' ? Buffer.alloc(0) : body, sourceIp: '127.0.0.1' };
}

/** A WeChat Shop push (encrypted message mutated before encryption) or URL verification. */
function wechatRequest(plan: ConnectorPlan): RawRequest {
  const token = plan.signature === 'wrong' ? 'not-the-token' : (FUZZ_CONNECTOR_SECRETS.FUZZ_WX_TOKEN as string);
  const timestamp = '1740794400';
  const nonce = 'n0nce';
  const path = { known: '/connectors/wechat-shop/fuzz-shop', unknown: '/connectors/wechat-shop/no-such-shop', 'unknown-platform': '/connectors/ebay/fuzz-shop' }[plan.shop];
  if (plan.method === 'GET') {
    const query = new URLSearchParams({ timestamp, nonce, echostr: plan.webhookId, ...(plan.signature === 'missing' ? {} : { signature: sha1Sorted(token, timestamp, nonce) }) });
    return { method: 'GET', url: `${path}?${query.toString()}`, headers: {}, body: Buffer.alloc(0), sourceIp: '127.0.0.1' };
  }
  const message = applyRaw(JSON.stringify(mutate(plan.push.payload, plan.mutation)), plan.raw);
  const encrypted = wechatEncrypt(message, 'wxfuzz', FUZZ_CONNECTOR_SECRETS.FUZZ_WX_AES as string);
  const query = new URLSearchParams({ timestamp, nonce, encrypt_type: 'aes', ...(plan.signature === 'missing' ? {} : { msg_signature: sha1Sorted(token, timestamp, nonce, encrypted) }) });
  return { method: 'POST', url: `${path}?${query.toString()}`, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ ToUserName: 'gh_fuzz', Encrypt: encrypted })), sourceIp: '127.0.0.1' };
}
