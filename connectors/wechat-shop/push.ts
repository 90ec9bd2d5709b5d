/**
 * A signed, encrypted WeChat Shop push (channels_ec_order_new) for `npm run -s connector -- test wechat-shop`.
 * The platform then fetches the order through `order/get` on the shop's `apiBase`: name a real
 * test order of the shop in CONNECTOR_TEST_ORDER_ID, else WeChat's answer (no such order) is shown.
 */
import type { SamplePush } from '../shared/sample-push.ts';
import type { ResolvedShop } from '../shared/types.ts';
import { wechatEncrypt, wechatSignature } from './crypto.ts';
import { wechatEvent } from './sample.ts';

export function wechatSamplePush(shop: ResolvedShop, nowMs: number, env: NodeJS.ProcessEnv = process.env): SamplePush {
  const orderId = env.CONNECTOR_TEST_ORDER_ID?.trim() || `37${String(nowMs).slice(-12)}`;
  const encrypted = wechatEncrypt(JSON.stringify(wechatEvent('channels_ec_order_new', nowMs, { order_id: orderId })), shop.config.appId ?? '', shop.secrets.encodingAesKey ?? '');
  const timestamp = String(Math.floor(nowMs / 1000));
  const nonce = String(nowMs % 1_000_000_000);
  const token = shop.secrets.token ?? '';
  const query = new URLSearchParams({ signature: wechatSignature(token, timestamp, nonce), timestamp, nonce, encrypt_type: 'aes', msg_signature: wechatSignature(token, timestamp, nonce, encrypted) }).toString();
  return { what: `channels_ec_order_new for WeChat Shop order ${orderId}`, headers: { 'content-type': 'application/json' }, query, body: JSON.stringify({ ToUserName: 'gh_sample', Encrypt: encrypted }) };
}
