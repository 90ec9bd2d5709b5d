/**
 * The Shopify connector: HTTPS webhooks, one topic per delivery (`X-Shopify-Topic`), deduped on
 * `X-Shopify-Webhook-Id` (shopify.dev "Verify webhook deliveries"; retries carry the same id).
 * Shopify takes any 2xx within 5 s as received. Shopify's official library (@shopify/shopify-api)
 * is not used: verification is one HMAC, and the library would bring its whole admin client.
 */
import { ConnectorBodyInvalid } from '../shared/errors.ts';
import { parseJson } from '../shared/json.ts';
import type { Connector } from '../shared/types.ts';
import { mapShopify } from './map.ts';
import { SHOPIFY_HMAC_HEADER, verifyShopify } from './verify.ts';

export const SHOPIFY_TOPIC_HEADER = 'X-Shopify-Topic';
export const SHOPIFY_WEBHOOK_ID_HEADER = 'X-Shopify-Webhook-Id';

export const shopifyConnector: Connector = {
  platform: 'shopify',
  verify(request, shop) {
    verifyShopify(request.header(SHOPIFY_HMAC_HEADER), request.body, shop.secrets.clientSecret ?? '');
  },
  decode(request, shop) {
    const topic = request.header(SHOPIFY_TOPIC_HEADER);
    const webhookId = request.header(SHOPIFY_WEBHOOK_ID_HEADER);
    if (topic === undefined || topic === '') throw new ConnectorBodyInvalid(`${SHOPIFY_TOPIC_HEADER}: header is missing`);
    if (webhookId === undefined || !/^[A-Za-z0-9-]{1,100}$/.test(webhookId)) throw new ConnectorBodyInvalid(`${SHOPIFY_WEBHOOK_ID_HEADER}: header is missing or not an id`);
    const mapped = mapShopify(topic, webhookId, parseJson(request.body.toString('utf8'), 'body'), shop.config.paymentChannel);
    return Promise.resolve([{ messageId: webhookId, kind: topic, events: mapped.events, ...(mapped.ignored !== undefined ? { ignored: mapped.ignored } : {}) }]);
  },
  ack(cases) {
    return { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'x-sla-cases': cases.join(',') }, body: JSON.stringify({ received: true, cases }) };
  },
};
