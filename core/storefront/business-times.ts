/**
 * Sanity bounds on an event's business times (`placedAt`, `paidAt`, `deliveredAt`, …): deadlines
 * count from them (service-standards.md §2: the review is due 30 min after the order was placed),
 * so a time in the future or long past would give a deadline that means nothing. Pure: the caller
 * passes the clock's now and the policy's bounds.
 */
import { InvalidStorefrontEvent, type FieldIssue } from './errors.ts';
import type { StorefrontEvent } from './events.ts';

export interface BusinessTimeBounds {
  /** How far ahead of now a business time may be: the sender's clock skew (seconds). */
  maxAheadSeconds: number;
  /** How far in the past a business time may be (days). */
  maxAgeDays: number;
}

/** Orders from before go-live are old by nature: only "not in the future" applies to them. */
const NO_AGE_LIMIT: ReadonlySet<string> = new Set(['order.imported']);

/** The business-time fields of each event type, as `data` keys. */
const TIME_FIELDS: Partial<Record<StorefrontEvent['type'], readonly string[]>> = {
  'order.placed': ['placedAt'],
  'order.imported': ['placedAt', 'paidAt', 'deliveredAt'],
  'order.paid': ['paidAt'],
  'order.delivered': ['deliveredAt'],
  'goods.received': ['receivedAt'],
  'refund.settled': ['settledAt'],
  'stock.received': ['receivedAt'],
  // Every complaint deadline counts from when the customer left it (service-standards.md §7).
  'complaint.filed': ['filedAt'],
  // Chat clocks count from each message's send time (service-standards.md §10).
  'chat.message': ['sentAt'],
};

/** Throws `InvalidStorefrontEvent` (400) naming each business time outside [now − maxAgeDays, now + maxAheadSeconds]. */
export function checkBusinessTimes(event: StorefrontEvent, now: number, bounds: BusinessTimeBounds): void {
  const data = event.data as Record<string, unknown>;
  const candidates = (TIME_FIELDS[event.type] ?? []).map((key): [string, unknown] => [`data.${key}`, data[key]]);
  if (event.type === 'chat.messages') event.data.messages.forEach((m, i) => candidates.push([`data.messages[${i}].sentAt`, m.sentAt]));
  const carried = event.type === 'order.return-requested' || event.type === 'order.exchange-requested' ? event.data.order : undefined;
  const ageless = new Set(NO_AGE_LIMIT.has(event.type) ? candidates.map(([field]) => field) : []);
  if (carried !== undefined) {
    for (const key of ['placedAt', 'paidAt', 'deliveredAt'] as const) {
      candidates.push([`data.order.${key}`, carried[key]]);
      ageless.add(`data.order.${key}`);
    }
  }
  const issues: FieldIssue[] = [];
  for (const [field, value] of candidates) {
    if (typeof value !== 'string') continue;
    const at = Date.parse(value);
    if (at > now + bounds.maxAheadSeconds * 1000) {
      issues.push({ field, message: `is ${describe(at - now)} in the future (now is ${new Date(now).toISOString()}); deadlines count from it` });
    } else if (!ageless.has(field) && at < now - bounds.maxAgeDays * 86_400_000) {
      issues.push({ field, message: `is ${describe(now - at)} in the past, more than the ${bounds.maxAgeDays} days allowed` });
    }
  }
  if (issues.length > 0) throw new InvalidStorefrontEvent(issues);
}

function describe(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
}
