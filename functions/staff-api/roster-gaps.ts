/** The queue's roster warning (issue 23): today's parts of the caller's roles' hours with a roster but nobody rostered. */
import { rosterGaps } from '../../core/people/on-duty.ts';
import { dutyContext } from '../people/duty.ts';
import type { StaffApiDeps } from './deps.ts';
import { staffTeam } from './team.ts';

export async function queueRosterGaps(deps: StaffApiDeps, roles: readonly string[], now: number): Promise<{ rosterGaps?: { role: string; day: string; from: string; to: string }[] }> {
  const ctx = await dutyContext(staffTeam(deps), deps.policy, now);
  if (ctx.people.length === 0) return {};
  const zone = deps.policy.zone;
  const gaps = roles.filter((r) => deps.policy.roles.has(r)).flatMap((role) => rosterGaps(ctx, role, [zone.dayOf(now)]));
  // Only what is still ahead or under way today.
  return { rosterGaps: gaps.filter((g) => g.end > now).map((g) => ({ role: g.role, day: g.day, from: zone.formatIso(g.start), to: zone.formatIso(g.end) })) };
}
