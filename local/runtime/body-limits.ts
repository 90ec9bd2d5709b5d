/**
 * The most body bytes each route of the local HTTP API takes, for the gateway to refuse a larger
 * body before reading it (local/gateway/server.ts): the webhook's limit on the webhook's route
 * (core/storefront/limits.ts, 64 KiB), the staff API's on every other (functions/http/limits.ts,
 * 16 KiB; sign-in included), and the policy routes' (functions/http/policy-limits.ts, 256 KiB). The handlers check the same limits on AWS, where API Gateway itself
 * takes up to 10 MB.
 */
import type { RouteDecl } from '../../platform/manifest-types.ts';
import { STOREFRONT_LIMITS } from '../../core/storefront/limits.ts';
import { CONNECTOR_LIMITS } from '../../connectors/shared/json.ts';
import { STAFF_REQUEST_LIMITS } from '../../functions/http/limits.ts';
import { POLICY_BODY_PATHS, POLICY_REQUEST_LIMITS } from '../../functions/http/policy-limits.ts';
import { storefrontWebhookFunction } from '../../functions/storefront-webhook/function.ts';

export function routeBodyLimits(routes: readonly RouteDecl[]): (method: string, path: string) => number {
  const webhookPaths = new Set(routes.filter((r) => r.function === storefrontWebhookFunction.id).map((r) => r.path));
  // Platform pushes carry whole orders (connectors/shared/json.ts).
  return (_method, path) =>
    webhookPaths.has(path) ? STOREFRONT_LIMITS.maxBodyBytes : path.startsWith('/connectors/') ? CONNECTOR_LIMITS.maxBodyBytes : POLICY_BODY_PATHS.has(path) ? POLICY_REQUEST_LIMITS.maxBodyBytes : STAFF_REQUEST_LIMITS.maxBodyBytes;
}
