/**
 * `GET /people` (any staff): the people with their roles and who is on duty now (issue 23);
 * `GET /rosters?from=&to=` and `PUT /rosters?from=&to=` (`supervisor`): the roster of those days,
 * validated against the role calendars (a shift outside its role's hours is a 400 naming it),
 * with the gaps of the rostered roles ("a shift has nobody rostered").
 */
import { onDutyAt, rosterGaps, type DutyContext } from '../../../core/people/on-duty.ts';
import { rosterIssues, type RosterEntry } from '../../../core/people/roster.ts';
import { parseDate } from '../../../core/time/civil.ts';
import { MAX_ROSTER_DAYS } from '../../../adapters/people/dynamodb-roster-store.ts';
import { jsonBody } from '../../http/body.ts';
import { InvalidRequest } from '../../http/errors.ts';
import { queryOf } from '../../http/event.ts';
import { requireRole, SUPERVISOR } from '../../http/identity.ts';
import { jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import { validate } from '../../http/validate.ts';
import { dutyContext } from '../../people/duty.ts';
import type { StaffApiDeps } from '../deps.ts';
import { rosterBody, rosterQuery } from '../team-schemas.ts';
import { staffCaller } from '../staff.ts';
import { staffTeam } from '../team.ts';

export function peopleRoute(deps: StaffApiDeps): Route {
  return {
    method: 'GET',
    path: '/people',
    async handle({ event }) {
      staffCaller(event);
      const now = deps.clock.now();
      const ctx = await dutyContext(staffTeam(deps), deps.policy, now);
      const items = [...ctx.people]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((p) => ({ id: p.id, name: p.name, roles: [...p.roles], active: p.active, onDutyNow: p.roles.filter((r) => onDutyAt(ctx, r, now).includes(p.id)) }));
      return jsonResponse(200, { asOf: deps.policy.zone.formatIso(now), items });
    },
  };
}

function rangeOf(query: Record<string, string>): { from: string; to: string; days: number[] } {
  const { from, to } = validate(rosterQuery, query, 'query');
  const a = parseDate(from);
  const b = parseDate(to);
  if (a === undefined) throw new InvalidRequest([{ field: 'query.from', message: 'is not a calendar date' }]);
  if (b === undefined) throw new InvalidRequest([{ field: 'query.to', message: 'is not a calendar date' }]);
  if (b < a) throw new InvalidRequest([{ field: 'query.to', message: 'must not be before from' }]);
  if (b - a + 1 > MAX_ROSTER_DAYS) throw new InvalidRequest([{ field: 'query.to', message: `a roster spans at most ${MAX_ROSTER_DAYS} days` }]);
  return { from, to, days: Array.from({ length: b - a + 1 }, (_, i) => a + i) };
}

function rosterView(deps: StaffApiDeps, ctx: DutyContext, range: { from: string; to: string; days: number[] }, entries: readonly RosterEntry[]) {
  const zone = deps.policy.zone;
  const withEntries = { ...ctx, roster: entries };
  const gaps = [...deps.policy.roles.keys()].flatMap((role) => rosterGaps(withEntries, role, range.days));
  return { from: range.from, to: range.to, entries, gaps: gaps.map((g) => ({ role: g.role, day: g.day, from: zone.formatIso(g.start), to: zone.formatIso(g.end) })) };
}

export function rosterGetRoute(deps: StaffApiDeps): Route {
  return {
    method: 'GET',
    path: '/rosters',
    async handle({ event }) {
      requireRole(staffCaller(event), [SUPERVISOR], 'reading the roster');
      const range = rangeOf(queryOf(event));
      const team = staffTeam(deps);
      const ctx = await dutyContext(team, deps.policy, deps.clock.now());
      return jsonResponse(200, rosterView(deps, ctx, range, await team.rosters.read(range.from, range.to)));
    },
  };
}

export function rosterPutRoute(deps: StaffApiDeps): Route {
  return {
    method: 'PUT',
    path: '/rosters',
    async handle({ event }) {
      requireRole(staffCaller(event), [SUPERVISOR], 'writing the roster');
      const range = rangeOf(queryOf(event));
      const { entries } = validate(rosterBody, jsonBody(event), 'body');
      const team = staffTeam(deps);
      const ctx = await dutyContext(team, deps.policy, deps.clock.now());
      const issues = rosterIssues(entries, range, ctx);
      if (issues.length > 0) throw new InvalidRequest(issues.map((i) => ({ field: `body.entries[${i.index}]`, message: i.message, code: 'custom' })));
      await team.rosters.replace(range.from, range.to, entries);
      return jsonResponse(200, rosterView(deps, ctx, range, entries));
    },
  };
}
