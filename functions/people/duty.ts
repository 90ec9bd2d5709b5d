/** Who of each role is on duty at an instant, from the team's people and rosters (core/people/on-duty.ts). */
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import type { DutyContext } from '../../core/people/on-duty.ts';
import { formatDate } from '../../core/time/civil.ts';
import type { Team } from './team.ts';

/** The people and the roster of the days around `at` (epoch ms): `span.before` days before its day to `span.after` days after. */
export async function dutyContext(team: Team, policy: CompiledPolicy, at: number, span: { before: number; after: number } = { before: 1, after: 0 }): Promise<DutyContext> {
  const day = policy.zone.dayOf(at);
  const people = await team.people.list();
  const roster = people.length === 0 ? [] : await team.rosters.read(formatDate(day - span.before), formatDate(day + span.after));
  return { zone: policy.zone, people, roster, calendarOf: (role) => policy.roles.get(role)?.calendar };
}
