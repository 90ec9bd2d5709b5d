/**
 * `GET /queue`: the open steps of the caller's roles whose clock has started, soonest due first; an
 * escalation level's role (`supervisor`, `manager`, service-standards.md §9) also sees the steps escalated to it.
 */
import { jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import type { StaffApiDeps } from '../deps.ts';
import { staffCaller } from '../staff.ts';
import { toQueueItem } from '../views.ts';
import { SHIP_WAIT_STEPS } from '../../../core/lifecycles/ship-wait.ts';
import type { CaseRecord } from '../../../core/cases/case.ts';
import type { Page, PageRequest } from '../../../core/cases/repository.ts';
import { shipWaitFor, stockOutTags } from '../ship-wait-view.ts';
import { queueRosterGaps } from '../roster-gaps.ts';
import { compareQueuePositions, pageStart, queuePage, queueQuery, type QueuePosition } from '../queue-page.ts';
import { readFor, readWhole } from '../queue-reads.ts';
import type { StepRecord } from '../../../core/cases/step.ts';
import { queryOf } from '../../http/event.ts';
import { validate } from '../../http/validate.ts';

export function queueRoute(deps: StaffApiDeps): Route {
  return {
    method: 'GET',
    path: '/queue',
    async handle({ event }) {
      const caller = staffCaller(event);
      const query = validate(queueQuery, queryOf(event), 'query');
      const after = pageStart(query);
      const now = deps.clock.now();
      // A step whose clock has not started (an unpaid follow-up in its payment wait) is not work yet.
      const started = (s: StepRecord): boolean => s.startsAt === undefined || Date.parse(s.startsAt) <= now;
      // With a page size, each ordered listing is read only as far as the page can reach (queue-reads.ts).
      const read = (list: (page: PageRequest) => Promise<Page<StepRecord>>): Promise<StepRecord[]> => (query.limit === undefined ? readWhole(list) : readFor(list, query.limit, after, started));
      const escalatedTo = deps.policy.escalation.levels.map((level) => level.role).filter((role) => caller.roles.includes(role));
      // Orders waiting before packing show in the packers' and the order reviewers' queues, as waiting (service-standards.md §12).
      const seesWaiting = caller.roles.some((role) => SHIP_WAIT_VIEWERS(deps).includes(role));
      // Every listing (and the stock-out tags) at once: on the store they are independent reads.
      const [lists, tags] = await Promise.all([
        Promise.all([
          ...caller.roles.map((role) => read((page) => deps.repository.listQueue(role, page))),
          // Escalation lists are short, and a step handed to `automatic` sorts there by due alone: read whole.
          ...escalatedTo.map((role) => readWhole((page) => deps.repository.listEscalated(role, page))),
          ...(seesWaiting ? SHIP_WAIT_STEPS.map((step) => readWhole((page) => deps.repository.listAwaiting(step, page))) : []),
        ]),
        stockOutTags(deps.repository),
      ]);
      const seen = new Set<string>();
      const steps = lists.flat().filter((s) => {
        if (!started(s)) return false;
        const key = `${s.caseId}#${s.step}#${s.attempt}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      const cases = await deps.repository.getCaseRecords([...new Set(steps.map((s) => s.caseId))]);
      const byId = new Map(cases.map((c) => [c.id, c]));
      // A priority order's steps first (§12 Priority), then soonest due. Due times in the same minute (what
      // staff see) go in placement order: pre-sale orders released together ship "根据下单先后" (seed l.270).
      const sorted = steps.map((step) => ({ item: step, at: positionOf(step, byId.get(step.caseId)) })).sort((a, b) => compareQueuePositions(a.at, b.at));
      const page = queuePage(sorted, query);
      const items = page.items.map((s) => toQueueItem(s, deps.policy, now, { stockOut: tags.has(s.caseId), waiting: shipWaitFor(s, byId.get(s.caseId), deps.policy.zone) }));
      return jsonResponse(200, { items, ...(page.nextToken !== undefined ? { nextToken: page.nextToken } : {}), ...(await queueRosterGaps(deps, caller.roles, now)) });
    },
  };
}

/** Who sees waiting orders: the role that packs them and the role that reviews (and reassures) them. */
const SHIP_WAIT_VIEWERS = (deps: StaffApiDeps): string[] => ['order.pack', 'order.review'].flatMap((step) => deps.policy.steps.get(step)?.role ?? []);

/** Where a step sorts: placement compares orders' `placedAt`, others and unknown cases alike (''). */
function positionOf(s: StepRecord, c: CaseRecord | undefined): QueuePosition {
  const placedAt = c && typeof c.data.placedAt === 'string' ? new Date(c.data.placedAt).toISOString() : '';
  // Stored instants are UTC ISO strings: the first 16 characters are the minute.
  const dueMinute = s.due?.slice(0, 16);
  return { priority: s.priority === true, ...(dueMinute !== undefined ? { dueMinute } : {}), placedAt, openedAt: s.openedAt, key: `${s.caseId}#${s.step}#${s.attempt}` };
}
