/**
 * `GET /queue`: the open steps of the caller's roles whose clock has started, soonest due first; an
 * escalation level's role (`supervisor`, `manager`, service-standards.md §9) also sees the steps escalated to it.
 */
import { jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import type { StaffApiDeps } from '../deps.ts';
import { staffCaller } from '../staff.ts';
import { readAll } from '../../shared/read-all.ts';
import { toQueueItem } from '../views.ts';

/** A queue longer than this per role is cut (the soonest due come first). */
const MAX_PER_ROLE = 1_000;

export function queueRoute(deps: StaffApiDeps): Route {
  return {
    method: 'GET',
    path: '/queue',
    async handle({ event }) {
      const caller = staffCaller(event);
      const lists = await Promise.all(caller.roles.map((role) => readAll((page) => deps.repository.listQueue(role, page), { pageSize: 100, max: MAX_PER_ROLE })));
      for (const { role } of deps.policy.escalation.levels) {
        if (caller.roles.includes(role)) lists.push(await readAll((page) => deps.repository.listEscalated(role, page), { pageSize: 100, max: MAX_PER_ROLE }));
      }
      const seen = new Set<string>();
      const now = deps.clock.now();
      const steps = lists.flat().filter((s) => {
        // A step whose clock has not started (an unpaid follow-up in its payment wait) is not work yet.
        if (s.startsAt !== undefined && Date.parse(s.startsAt) > now) return false;
        const key = `${s.caseId}#${s.step}#${s.attempt}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      // A priority order's steps first (§12 Priority), then soonest due.
      steps.sort((a, b) => Number(b.priority === true) - Number(a.priority === true) || compareDue(a.due, b.due) || (a.openedAt < b.openedAt ? -1 : 1));
      return jsonResponse(200, { items: steps.map((s) => toQueueItem(s, deps.policy, now)) });
    },
  };
}

/** Soonest first; steps without a due time last. */
function compareDue(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}
