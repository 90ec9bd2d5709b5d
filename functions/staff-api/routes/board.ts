/**
 * `GET /board` (`supervisor`): the supervisor's board (issue 10). Now: open, warned, breached and
 * paused steps per role and step (every role's queue), the open escalations by level (§9),
 * pickups due (planned for a batch whose time has come, not handed over yet), missed pickups
 * (`order.pickup` a run found past its planned batch, service-standards.md §2) and overdue
 * refunds (`refund.settle` past its deadline, §4). Today (the policy zone's calendar day): on-time
 * figures per step of the steps closed so far, as `GET /reports/sla` computes them. And the
 * customer notices dead-lettered in the last 30 days (docs/notices.md).
 */
import type { StepRecord } from '../../../core/cases/step.ts';
import { slaReport } from '../../../core/reports/sla-report.ts';
import { requireRole, SUPERVISOR } from '../../http/identity.ts';
import { jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import type { StaffApiDeps } from '../deps.ts';
import type { board } from '../schemas.ts';
import { staffCaller } from '../staff.ts';
import { toQueueItem } from '../views.ts';
import { boardTeam } from '../board-team.ts';
import { readAll } from '../../shared/read-all.ts';
import { dueOn, readActiveSteps, stepsClosedOn } from '../../shared/closed-steps.ts';
import type { z } from 'zod';
import type { DeadLetter } from '../../../core/alarms/outbox.ts';
import type { QueuedNotice } from '../../../core/notices/notice.ts';
import { renderInstant } from '../../../core/time/render.ts';
import type { Zone } from '../../../core/time/zone.ts';

type Board = z.infer<typeof board>;
type Counts = Board['now'][number];

export function boardRoute(deps: StaffApiDeps): Route {
  return {
    method: 'GET',
    path: '/board',
    async handle({ event }) {
      requireRole(staffCaller(event), [SUPERVISOR], 'the supervisor board');
      const now = deps.clock.now();
      const day = zoneDay(deps, now);
      // Every queue and waiting list is read once: the counts, the late pickups and refunds, and today's report all come from it.
      const [active, escalated, closed, dead] = await Promise.all([
        readActiveSteps(deps),
        Promise.all(deps.policy.escalation.levels.map(({ role }) => readAll((page) => deps.repository.listEscalated(role, page)))),
        stepsClosedOn(deps.repository, day),
        deps.deadNotices?.() ?? [],
      ]);
      const queues = [...active.queues.values()];
      const pickups = active.awaiting.get('order.pickup') ?? [];
      const refunds = active.awaiting.get('refund.settle') ?? [];
      // Today's on-time % counts open steps already past due as breaches, as the SLA report does.
      const today = slaReport({ closed, active: dueOn(active, [day]), now, calendarOf: (role) => deps.policy.roles.get(role)?.calendar }, 'step');
      const body: Board = {
        asOf: new Date(now).toISOString(),
        day,
        now: countsOf(queues.flat()),
        // Level by level (the policy's order), each with its priority orders first (the index sorts them so), then soonest due.
        escalated: escalated.flat().map((s) => toQueueItem(s, deps.policy, now)),
        // Between a batch's time and its run the parcels are due, not missed: a run decides a miss.
        pickupsDue: pickups.filter((s) => s.status !== 'breached' && s.due !== undefined && Date.parse(s.due) <= now).map(lateStep),
        missedPickups: pickups.filter((s) => s.status === 'breached').map(lateStep),
        overdueRefunds: overdue(refunds, now).map(lateStep),
        today: today.rows,
        deadNotices: deadNoticesView(dead, deps.policy.zone),
        ...(await boardTeam(deps, queues.flat(), now)),
      };
      return jsonResponse(200, body);
    },
  };
}

function deadNoticesView(dead: readonly DeadLetter<QueuedNotice>[], zone: Zone): Board['deadNotices'] {
  const notices = dead
    .map(({ alarm: { notice }, at, reason }) => ({
      noticeId: notice.noticeId,
      kind: notice.kind,
      caseId: notice.caseId,
      orderId: notice.orderId ?? null,
      text: notice.text,
      raisedAt: renderInstant(zone, notice.at),
      deadLetteredAt: renderInstant(zone, at),
      reason,
    }))
    .sort((a, b) => Date.parse(b.deadLetteredAt) - Date.parse(a.deadLetteredAt));
  return { count: notices.length, notices };
}

function countsOf(steps: readonly StepRecord[]): Counts[] {
  const byKey = new Map<string, Counts>();
  for (const s of steps) {
    const key = `${s.role}#${s.step}`;
    let counts = byKey.get(key);
    if (!counts) byKey.set(key, (counts = { role: s.role, step: s.step, open: 0, warned: 0, breached: 0, paused: 0 }));
    if (s.status === 'warned' || s.status === 'breached' || s.status === 'paused') counts[s.status] += 1;
    else counts.open += 1;
  }
  return [...byKey.values()].sort((a, b) => a.role.localeCompare(b.role) || a.step.localeCompare(b.step));
}

/** Breached, or past due before the timer's sweep marked it. */
function overdue(steps: readonly StepRecord[], now: number): StepRecord[] {
  return steps.filter((s) => s.status === 'breached' || (s.due !== undefined && Date.parse(s.due) <= now));
}

function lateStep(s: StepRecord): Board['missedPickups'][number] {
  return { caseId: s.caseId, step: s.step, due: s.due ?? null, breachedAt: s.breachedAt ?? null };
}

function zoneDay(deps: StaffApiDeps, now: number): string {
  const zone = deps.policy.zone;
  const local = new Date(now + zone.offsetAt(now));
  return local.toISOString().slice(0, 10);
}
