/**
 * Issue 23: "Escalations go to an on-duty person of the level when a roster exists." The level's
 * role (service-standards.md §9) rostered at the moment the escalation is seen (`seenAt`) names
 * one person on duty then, round-robin over the level's escalations; without a roster the level's
 * role as a whole has it, as before. Never fails an escalation: a directory error leaves the role.
 */
import type { StepRecord } from '../../core/cases/step.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import { pickAssignee } from '../../core/people/assignment-rule.ts';
import { isRostered, onDutyAt } from '../../core/people/on-duty.ts';
import type { Clock } from '../../core/time/clock.ts';
import type { AwsClients } from '../shared/aws-clients.ts';
import type { Log } from '../shared/logger.ts';
import { dutyContext } from './duty.ts';
import { teamOf } from './team.ts';

export async function escalationPerson(deps: { policy: CompiledPolicy; clock: Clock; log: Log; clients?: AwsClients }, step: StepRecord): Promise<string | undefined> {
  const role = step.escalatedTo;
  const seenAt = step.escalation?.seenAt;
  if (role === undefined || seenAt === undefined) return undefined;
  try {
    const team = teamOf(deps);
    const at = Date.parse(seenAt);
    const ctx = await dutyContext(team, deps.policy, at);
    if (!isRostered(ctx, role, at)) return undefined;
    const cursor = `escalation:${role}`;
    const person = pickAssignee({ rule: 'round-robin', onDuty: onDutyAt(ctx, role, at), recent: await team.rosters.recentAssignees(cursor) });
    if (person !== undefined) await team.rosters.recordAssigned(cursor, person);
    return person;
  } catch (error) {
    deps.log.error('could not name a person for an escalation; the level\'s role has it', { error: error as Error });
    return undefined;
  }
}
