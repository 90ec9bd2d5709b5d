/**
 * A signed Douyin push (tag 100, order created) for `npm run -s connector -- test douyin`. The
 * platform then fetches the order through `order.orderDetail` on the shop's `apiBase`: name a real
 * test order of the shop in CONNECTOR_TEST_ORDER_ID, else Douyin's answer (no such order) is shown.
 */
import type { SamplePush } from '../shared/sample-push.ts';
import type { ResolvedShop } from '../shared/types.ts';
import { douyinData } from './sample.ts';
import { DOUYIN_SIGN_HEADER, douyinPushSignature } from './verify.ts';

export function douyinSamplePush(shop: ResolvedShop, nowMs: number, env: NodeJS.ProcessEnv = process.env): SamplePush {
  const orderId = env.CONNECTOR_TEST_ORDER_ID?.trim() || `69${String(nowMs).slice(-12)}`;
  const body = JSON.stringify([{ tag: '100', msg_id: `connector-test-${nowMs}`, data: JSON.stringify(douyinData.tradeCreate(orderId, nowMs)) }]);
  const appKey = shop.config.appId ?? '';
  return { what: `tag 100 (order created) for Douyin order ${orderId}`, headers: { 'content-type': 'application/json', [DOUYIN_SIGN_HEADER]: douyinPushSignature(appKey, body, shop.secrets.appSecret ?? ''), 'app-id': appKey }, body };
}
