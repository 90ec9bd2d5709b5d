/**
 * A signed Shopify delivery of a sample order (`orders/create`), as Shopify would send it, for
 * `npm run -s connector -- test shopify` to post to a running platform.
 */
import { randomUUID } from 'node:crypto';
import type { SamplePush } from '../shared/sample-push.ts';
import type { ResolvedShop } from '../shared/types.ts';
import { shopifyOrder } from './sample.ts';
import { SHOPIFY_HMAC_HEADER, shopifySignature } from './verify.ts';

export function shopifySamplePush(shop: ResolvedShop, nowMs: number): SamplePush {
  const orderId = 9_000_000 + (nowMs % 1_000_000);
  const body = JSON.stringify(shopifyOrder({ orderId, at: new Date(nowMs).toISOString(), paid: true }));
  return {
    what: `orders/create for Shopify order ${orderId}`,
    headers: { 'content-type': 'application/json', 'X-Shopify-Topic': 'orders/create', 'X-Shopify-Webhook-Id': randomUUID(), [SHOPIFY_HMAC_HEADER]: shopifySignature(body, shop.secrets.clientSecret ?? '') },
    body,
  };
}
