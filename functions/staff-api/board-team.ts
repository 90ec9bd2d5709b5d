/** The board's people part (issue 23): per person the active steps they hold — open, warned, breached — and the roles they are on duty for now. */
import type { StepRecord } from '../../core/cases/step.ts';
import { onDutyAt } from '../../core/people/on-duty.ts';
import { dutyContext } from '../people/duty.ts';
import type { StaffApiDeps } from './deps.ts';
import type { boardPeople } from './team-schemas.ts';
import { staffTeam } from './team.ts';
import type { z } from 'zod';

type Counts = { open: number; warned: number; breached: number };

export async function boardTeam(deps: StaffApiDeps, active: readonly StepRecord[], now: number): Promise<{ team?: z.infer<typeof boardPeople> }> {
  const ctx = await dutyContext(staffTeam(deps), deps.policy, now);
  if (ctx.people.length === 0) return {};
  const held = new Map<string, Counts>();
  const pool: Counts = { open: 0, warned: 0, breached: 0 };
  for (const s of active) {
    const counts = s.assignedTo === undefined ? pool : (held.get(s.assignedTo) ?? { open: 0, warned: 0, breached: 0 });
    if (s.assignedTo !== undefined) held.set(s.assignedTo, counts);
    // `open` counts every active step held; warned and breached are the late ones among them.
    counts.open += 1;
    if (s.status === 'warned') counts.warned += 1;
    if (s.status === 'breached') counts.breached += 1;
  }
  const people = [...ctx.people]
    .filter((p) => p.active)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((p) => ({ id: p.id, name: p.name, onDutyNow: p.roles.filter((r) => onDutyAt(ctx, r, now).includes(p.id)), ...(held.get(p.id) ?? { open: 0, warned: 0, breached: 0 }) }));
  return { team: { people, pool } };
}
