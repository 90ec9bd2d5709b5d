import type { FunctionDecl, RouteDecl } from '../../platform/manifest-types.ts';
import { storefrontWebhookFunction } from '../../functions/storefront-webhook/function.ts';

/**
 * `POST /connectors/{platform}/{shopId}` (and `GET` for WeChat Shop's URL verification): platform
 * pushes, verified as each platform documents and applied as storefront events (docs/connectors.md).
 * It does what the storefront webhook does, so it has the same access, plus the shops' secrets.
 */
export const connectorWebhookFunction: FunctionDecl = {
  id: 'connector-webhook',
  entry: 'connectors/webhook/handler.ts',
  timeoutSeconds: 30,
  access: { ...storefrontWebhookFunction.access, webhookSecret: false, connectorSecrets: true },
};

/** Public at the gateway: each platform's signature is checked by the function on the raw body. */
export const connectorWebhookRoutes: RouteDecl[] = [
  { method: 'POST', path: '/connectors/{platform}/{shopId}', function: connectorWebhookFunction.id, auth: 'public' },
  { method: 'GET', path: '/connectors/{platform}/{shopId}', function: connectorWebhookFunction.id, auth: 'public' },
];
