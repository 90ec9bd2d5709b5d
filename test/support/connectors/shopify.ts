/**
 * A Shopify webhook delivery as shopify.dev documents it: the raw JSON body, `X-Shopify-Topic`,
 * `X-Shopify-Webhook-Id` (the same on every retry of one delivery), `X-Shopify-Shop-Domain` and
 * `X-Shopify-Hmac-SHA256` = base64 HMAC-SHA256 of the body under the app's client secret — signed
 * here, not with the connector's code: this is Shopify's side of the contract.
 */
import { createHmac } from 'node:crypto';

export function shopifyDelivery(topic: string, body: string | Buffer, options: { secret: string; webhookId: string; shopDomain?: string }): Record<string, string> {
  return {
    'content-type': 'application/json',
    'X-Shopify-Topic': topic,
    'X-Shopify-Webhook-Id': options.webhookId,
    'X-Shopify-Shop-Domain': options.shopDomain ?? 'demo-store.myshopify.com',
    'X-Shopify-API-Version': '2025-07',
    'X-Shopify-Hmac-SHA256': createHmac('sha256', options.secret).update(body).digest('base64'),
  };
}
