/**
 * `GET /queue?limit=&nextToken=`: the queue's order and its pages. A page token is the position
 * (the sort key) of the page's last item, base64url JSON: the next page starts after that item, or,
 * when it has left the queue meanwhile, at the first item that sorts after where it stood. It names
 * no store key (the queue is merged from several listings in memory), so it needs no signature; a
 * token that does not decode to a position is 400 `InvalidPageToken`, as on `GET /cases`.
 */
import { z } from 'zod';
import { InvalidPageToken } from '../../adapters/case-repository/pagination.ts';

import { QUEUE_PAGE_MAX } from './queue-limits.ts';

export const queueQuery = z.strictObject({
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, `must be 1 to ${QUEUE_PAGE_MAX}`)
    .max(QUEUE_PAGE_MAX, `must be 1 to ${QUEUE_PAGE_MAX}`)
    .optional()
    .describe('items per page (pages reach every open step); without it, the whole queue in one answer, cut at 1,000 steps per role'),
  nextToken: z.string().trim().min(1, 'must not be empty').max(2_048, 'must be at most 2048 characters').optional().describe('the previous page\'s nextToken'),
});

/** Where an item sits in the queue's order (queue.ts sorts by it). */
export interface QueuePosition {
  /** A priority order's step (§12 Priority) sorts first. */
  priority: boolean;
  /** The due time's UTC minute (`YYYY-MM-DDTHH:mm`); none sorts last. */
  dueMinute?: string;
  /** The order's placement (UTC ISO), '' for other cases. */
  placedAt: string;
  /** The step's opening instant (UTC ISO). */
  openedAt: string;
  /** `caseId#step#attempt`. */
  key: string;
}

const storedPosition = z.strictObject({ priority: z.boolean(), dueMinute: z.string().max(64).optional(), placedAt: z.string().max(64), openedAt: z.string().max(64), key: z.string().max(512) });

/**
 * Priority first, then soonest due minute, then placement, then opening; the step's key last, so the
 * order is total (steps opened in the same millisecond no longer fall as the sort meets them) and a
 * page starts where the previous one ended.
 */
export function compareQueuePositions(a: QueuePosition, b: QueuePosition): number {
  return Number(b.priority) - Number(a.priority) || compareOptional(a.dueMinute, b.dueMinute) || compareText(a.placedAt, b.placedAt) || compareText(a.openedAt, b.openedAt) || compareText(a.key, b.key);
}

/** One page of the sorted queue; `nextToken` when items are left after it. Throws `InvalidPageToken`. */
export function queuePage<T>(sorted: readonly { item: T; at: QueuePosition }[], query: z.infer<typeof queueQuery>): { items: T[]; nextToken?: string } {
  const from = query.nextToken === undefined ? 0 : startAfter(sorted, decode(query.nextToken));
  const end = query.limit === undefined ? sorted.length : Math.min(sorted.length, from + query.limit);
  const items = sorted.slice(from, end).map((entry) => entry.item);
  const last = sorted[end - 1];
  return end < sorted.length && last !== undefined ? { items, nextToken: encode(last.at) } : { items };
}

function startAfter(sorted: readonly { at: QueuePosition }[], after: QueuePosition): number {
  const same = sorted.findIndex((entry) => entry.at.key === after.key);
  if (same >= 0) return same + 1;
  const next = sorted.findIndex((entry) => compareQueuePositions(entry.at, after) > 0);
  return next < 0 ? sorted.length : next;
}

function encode(at: QueuePosition): string {
  return Buffer.from(JSON.stringify(at), 'utf8').toString('base64url');
}

/** Where the page a token names starts after (undefined for the first page). Throws `InvalidPageToken`. */
export function pageStart(query: z.infer<typeof queueQuery>): QueuePosition | undefined {
  return query.nextToken === undefined ? undefined : decode(query.nextToken);
}

function decode(token: string): QueuePosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidPageToken();
  }
  const position = storedPosition.safeParse(parsed);
  if (!position.success) throw new InvalidPageToken();
  const { dueMinute, ...rest } = position.data;
  return dueMinute === undefined ? rest : { ...rest, dueMinute };
}

/** Soonest first; none last. */
function compareOptional(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

const compareText = (a: string, b: string): number => (a === b ? 0 : a < b ? -1 : 1);
