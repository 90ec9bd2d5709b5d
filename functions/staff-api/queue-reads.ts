/**
 * How much of each listing `GET /queue` reads. Without `limit`, the whole listing (cut at
 * `MAX_PER_ROLE`, soonest due first). With `limit`, only what the page can need: a role's queue
 * is stored in the queue's own coarse order (priority first, then due:
 * adapters/case-repository/keys.ts), so the listing is read page by page until it holds `limit + 1`
 * steps beyond the page token's (priority, due minute) and then to the end of the last such minute
 * — the queue orders a minute's steps by placement, which the index does not know. A role with
 * 10,000 open steps then answers its first page from a few hundred items, and every item stays
 * reachable page after page. The ship-wait lists sort by due only (priority is not in their key),
 * so they are read whole, as are the (short) escalation lists.
 */
import type { Page, PageRequest } from '../../core/cases/repository.ts';
import type { StepRecord } from '../../core/cases/step.ts';
import { readAll } from '../shared/read-all.ts';
import type { QueuePosition } from './queue-page.ts';

/** A queue longer than this per role is cut when the whole queue is asked for (the soonest due come first). */
export const MAX_PER_ROLE = 1_000;

type Listing = (page: PageRequest) => Promise<Page<StepRecord>>;

/** The coarse position the index orders by: priority first, then the due minute; no due last. */
type Coarse = { priority: boolean; dueMinute: string | undefined };

const coarseOf = (s: StepRecord): Coarse => ({ priority: s.priority === true, dueMinute: s.due?.slice(0, 16) });

function compareCoarse(a: Coarse, b: Coarse): number {
  if (a.priority !== b.priority) return a.priority ? -1 : 1;
  if (a.dueMinute === b.dueMinute) return 0;
  if (a.dueMinute === undefined) return 1;
  if (b.dueMinute === undefined) return -1;
  return a.dueMinute < b.dueMinute ? -1 : 1;
}

/** The whole listing, up to `MAX_PER_ROLE`. */
export function readWhole(list: Listing): Promise<StepRecord[]> {
  return readAll(list, { pageSize: MAX_PER_ROLE, max: MAX_PER_ROLE });
}

/**
 * A listing stored in the queue's coarse order, read until it holds `limit + 1` steps strictly
 * after `after`'s (priority, due minute) and every step of the last minute it reached.
 * `counts(step)` says whether a step can be shown (an unstarted clock is not work yet).
 */
export async function readFor(list: Listing, limit: number, after: QueuePosition | undefined, counts: (s: StepRecord) => boolean): Promise<StepRecord[]> {
  const start: Coarse | undefined = after && { priority: after.priority, dueMinute: after.dueMinute };
  const out: StepRecord[] = [];
  let beyond = 0;
  // The minute of the (limit + 1)-th step beyond the token: read on to its end, then stop.
  let lastNeeded: Coarse | undefined;
  let nextToken: string | undefined;
  const pageSize = Math.min(MAX_PER_ROLE, limit + 1);
  do {
    const page = await list({ limit: pageSize, ...(nextToken !== undefined ? { nextToken } : {}) });
    for (const step of page.items) {
      const at = coarseOf(step);
      if (lastNeeded !== undefined && compareCoarse(at, lastNeeded) > 0) return out;
      out.push(step);
      if ((start === undefined || compareCoarse(at, start) > 0) && counts(step) && ++beyond === limit + 1) lastNeeded = at;
    }
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return out;
}
