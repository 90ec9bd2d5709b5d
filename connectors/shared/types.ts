/**
 * What every platform connector provides (docs/connectors.md): `verify` checks authenticity on the
 * raw bytes exactly as the platform documents it, `decode` turns a verified push into platform
 * messages, each already mapped (by the platform's pure `map.ts`) to our storefront events, and
 * `ack` is the answer the platform expects once everything is stored.
 */
import type { StorefrontEvent } from '../../core/storefront/events.ts';
import type { ConnectorConfig, ConnectorPlatform } from '../../policy/connectors.ts';

export interface InboundRequest {
  method: string;
  /** A header by name, whatever its case. */
  header(name: string): string | undefined;
  query: Readonly<Record<string, string>>;
  /** The body exactly as sent: every signature is over these bytes. */
  body: Buffer;
}

/** A shop's configuration with its secrets read (by name, e.g. `clientSecret`). */
export interface ResolvedShop {
  config: ConnectorConfig;
  secrets: Readonly<Record<string, string>>;
}

/** One platform message, mapped. */
export interface PlatformMessage {
  /** The platform's own message id: the dedupe key. */
  messageId: string;
  /** The platform's event name (topic, type, tag) as it sent it. */
  kind: string;
  /** Our storefront events, applied in order; empty when the message is acknowledged and ignored. */
  events: StorefrontEvent[];
  /** Why nothing is applied: a test push, an event type we do not map, a status that is not ours yet. */
  ignored?: string;
  /** Deadlines the platform itself set or moved (Douyin tags 126, 209): recorded on the order's case beside ours. */
  platformDeadlines?: PlatformDeadline[];
  /** Ordering: a message whose `value` is below the stored one for `key` is stale (Youzan `version`). */
  version?: { key: string; value: number };
}

/** A platform's own deadline on an order (e.g. Douyin's ship-by time), recorded on the timeline as `platform.deadline`. */
export interface PlatformDeadline {
  orderId: string;
  /** `ship-by` (发货时间) or `after-sale-by` (售后处理时限). */
  kind: 'ship-by' | 'after-sale-by';
  /** The platform's new deadline (ISO-8601). */
  due: string;
  /** Where it came from, e.g. `douyin tag 126`. */
  source: string;
}

export interface Connector {
  platform: ConnectorPlatform;
  /** Throws `ConnectorSignatureInvalid` (401) unless the request is authentic. */
  verify(request: InboundRequest, shop: ResolvedShop): void;
  /** The verified request's messages; throws `ConnectorBodyInvalid` (400) when it cannot be read. */
  decode(request: InboundRequest, shop: ResolvedShop): Promise<PlatformMessage[]>;
  /** The answer the platform takes as "received"; `cases` travel in a header so the body stays as documented. */
  ack(cases: readonly string[]): { statusCode: number; headers: Record<string, string>; body: string };
  /** A GET on the route (WeChat's URL verification); absent: 405. */
  handshake?(request: InboundRequest, shop: ResolvedShop): { statusCode: number; headers: Record<string, string>; body: string };
}
