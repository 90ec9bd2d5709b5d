/**
 * The connector route's logic, the same for every platform: find the shop in the policy (unknown:
 * 401), read its secrets, verify the push on its raw bytes (401), decode and map it (400), then hand
 * each mapped storefront event to the storefront ingest's effects (functions/storefront-webhook/
 * effects) exactly as our own webhook would — under the same idempotency records, keyed by the
 * platform's message id — and only then answer the platform as it expects. Nothing is acknowledged
 * before it is stored: a failure or a refusal answers non-2xx so the platform pushes again.
 * Test pushes and event types we do not map are acknowledged and logged (never retried forever);
 * a message below the version already applied (Youzan) is acknowledged and skipped.
 */
import { createHash } from 'node:crypto';
import { PayloadTooLarge } from '../../core/json/errors.ts';
import { parseStorefrontEvent } from '../../core/storefront/parse.ts';
import type { Clock } from '../../core/time/clock.ts';
import type { ConnectorConfig, ConnectorPlatform } from '../../policy/connectors.ts';
import type { SecretRef } from '../../core/alarms/routing.ts';
import type { EffectDeps } from '../../functions/storefront-webhook/deps.ts';
import { applyEvent } from '../../functions/storefront-webhook/effects/index.ts';
import { DeliveryInProgress } from '../../functions/storefront-webhook/errors.ts';
import type { IdempotencyStore } from '../../functions/storefront-webhook/idempotency.ts';
import type { HttpResponse } from '../../functions/http/response.ts';
import { ConnectorMethodNotAllowed, UnknownPlatform, UnknownShop } from './errors.ts';
import { CONNECTOR_LIMITS } from './json.ts';
import { toInstant } from '../../core/cases/instant.ts';
import { orderCase } from '../../functions/storefront-webhook/effects/order-case.ts';
import type { Connector, InboundRequest, PlatformDeadline, PlatformMessage, ResolvedShop } from './types.ts';
import type { VersionStore } from './versions.ts';

export interface DispatchDeps extends EffectDeps {
  connectors: readonly ConnectorConfig[];
  /** Reads a secret by reference (an environment variable locally, Secrets Manager on AWS). */
  secrets: (ref: SecretRef) => Promise<string>;
  idempotency: IdempotencyStore;
  versions: (platform: ConnectorPlatform, shopId: string) => VersionStore;
  /** The real clock of delivery leases; absent: `clock`. */
  transportClock?: Clock;
}

const LEASE_MS = 60_000;
const RETENTION_MS = 30 * 86_400_000;
const RETRY_AFTER_SECONDS = 2;

export async function resolveShop(deps: Pick<DispatchDeps, 'connectors' | 'secrets'>, platform: string, shopId: string): Promise<ResolvedShop> {
  const config = deps.connectors.find((c) => c.platform === platform && c.shopId === shopId);
  if (config === undefined) throw new UnknownShop(platform, shopId);
  const entries = await Promise.all(Object.entries(config.secrets).map(async ([name, ref]) => [name, await deps.secrets(ref)] as const));
  return { config, secrets: Object.fromEntries(entries) };
}

export async function dispatch(deps: DispatchDeps, registry: Readonly<Record<string, Connector>>, platform: string, shopId: string, request: InboundRequest): Promise<HttpResponse> {
  const connector = Object.hasOwn(registry, platform) ? registry[platform] : undefined;
  if (connector === undefined) throw new UnknownPlatform(platform);
  if (request.body.length > CONNECTOR_LIMITS.maxBodyBytes) throw new PayloadTooLarge(request.body.length, CONNECTOR_LIMITS.maxBodyBytes);
  const shop = await resolveShop(deps, platform, shopId);
  deps.log.appendKeys({ connector: platform, shopId });
  if (request.method === 'GET') {
    if (connector.handshake === undefined) throw new ConnectorMethodNotAllowed(platform);
    return connector.handshake(request, shop);
  }
  connector.verify(request, shop);
  const messages = await connector.decode(request, shop);
  const cases: string[] = [];
  for (const message of messages) cases.push(...(await applyMessage(deps, platform, shopId, message)));
  return connector.ack([...new Set(cases)]);
}

/** Applies one message's events (also the TMC poller's); returns the cases they concerned. */
export async function applyMessage(deps: DispatchDeps, platform: ConnectorPlatform | string, shopId: string, message: PlatformMessage): Promise<string[]> {
  const log = { messageId: message.messageId, kind: message.kind };
  if (message.ignored !== undefined) {
    deps.log.info('connector message acknowledged and ignored', { ...log, reason: message.ignored });
    return [];
  }
  const versions = message.version === undefined ? undefined : deps.versions(platform as ConnectorPlatform, shopId);
  if (message.version !== undefined && versions !== undefined) {
    const latest = await versions.latest(message.version.key);
    // Strictly newer only: the same version again is a redelivery, which the idempotency records replay.
    if (latest !== undefined && latest > message.version.value) {
      deps.log.info('connector message older than one already applied: acknowledged and skipped', { ...log, version: message.version.value, latest });
      return [];
    }
  }
  const cases: string[] = [];
  for (const [i, raw] of message.events.entries()) {
    const event = parseStorefrontEvent(raw);
    const key = `${platform}:${shopId}:${message.messageId}:${i}`;
    const payloadHash = createHash('sha256').update(JSON.stringify(event)).digest('hex');
    const leaseNow = (deps.transportClock ?? deps.clock).now();
    const claim = await deps.idempotency.claim(key, payloadHash, leaseNow, leaseNow + LEASE_MS);
    if (claim.kind === 'completed') {
      const stored = (JSON.parse(claim.response.body) as { caseId: string | null }).caseId;
      if (stored !== null) cases.push(stored);
      continue;
    }
    if (claim.kind === 'reused') {
      deps.log.warn('connector message id seen before with other content: skipped', { ...log, key });
      continue;
    }
    if (claim.kind === 'in-progress') throw new DeliveryInProgress(key, RETRY_AFTER_SECONDS);
    try {
      const accepted = await applyEvent(deps, event);
      await deps.idempotency.complete(key, payloadHash, { statusCode: 202, body: JSON.stringify({ caseId: accepted.caseId }) }, deps.clock.now() + RETENTION_MS);
      deps.log.info('connector event applied', { ...log, eventType: event.type, caseId: accepted.caseId });
      // stock.received names no case of its own (it clears stock-outs and releases backorders).
      if (accepted.caseId !== null) cases.push(accepted.caseId);
    } catch (error) {
      await deps.idempotency.release(key);
      throw error;
    }
  }
  for (const deadline of message.platformDeadlines ?? []) cases.push(await recordPlatformDeadline(deps, platform, message, deadline));
  if (message.version !== undefined && versions !== undefined) await versions.record(message.version.key, message.version.value);
  return cases;
}

/**
 * A platform's own deadline (Douyin's ship-by or after-sale time limit) on the order's case
 * timeline, as `platform.deadline`: staff see it beside our deadline. Keyed by the message, so a
 * redelivery overwrites the same entry. An order we do not know is 404 `OrderNotFound` (pushed again).
 */
async function recordPlatformDeadline(deps: DispatchDeps, platform: string, message: PlatformMessage, deadline: PlatformDeadline): Promise<string> {
  const view = await orderCase(deps, deadline.orderId);
  await deps.repository.appendTimeline(view.case.id, {
    id: `platform.deadline:${platform}:${message.messageId}`,
    at: toInstant(deps.clock.now()),
    kind: 'platform.deadline',
    by: platform,
    detail: { platform, deadline: deadline.kind, due: toInstant(Date.parse(deadline.due)), source: deadline.source },
  });
  deps.log.info('platform deadline recorded', { messageId: message.messageId, caseId: view.case.id, deadline: deadline.kind, due: deadline.due });
  return view.case.id;
}
