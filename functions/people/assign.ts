/**
 * Assignment of new steps and the shift-end handover (issue 23 "Assignment", docs/people.md).
 * A new step of a human role goes to one on-duty person of the role by the role's rule
 * (`round-robin`, `least-open`, `none`); nobody on duty leaves it in the pool, and the sweep gives
 * it out once someone is. A person off duty (shift over, leave) hands their open steps to the
 * next on-duty person (`to-next`, once someone is on) or back to the pool (`to-pool`). Every change is on the case's timeline.
 */
import { toInstant } from '../../core/cases/instant.ts';
import type { CaseRepository } from '../../core/cases/repository.ts';
import { AUTOMATIC, isStepActive, type StepRecord } from '../../core/cases/step.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import { assignmentRuleOf, AssignmentRuleKind, HandoverKind, pickAssignee } from '../../core/people/assignment-rule.ts';
import { onDutyAt, type DutyContext } from '../../core/people/on-duty.ts';
import { peopleOfRole } from '../../core/people/person.ts';
import type { Clock } from '../../core/time/clock.ts';
import { readAll } from '../shared/read-all.ts';
import { dutyContext } from './duty.ts';
import type { Team } from './team.ts';

export interface AssignDeps {
  repository: CaseRepository;
  policy: CompiledPolicy;
  clock: Clock;
}

/** Timeline kinds of assignment. */
export const STEP_ASSIGNED = 'step.assigned';

/** Gives a step still in the pool to an on-duty person of its role, if its rule and the roster say so; returns who. */
export async function assignNewStep(deps: AssignDeps, team: Team, step: StepRecord, ctx?: DutyContext, openCounts?: ReadonlyMap<string, number>): Promise<string | undefined> {
  if (step.role === AUTOMATIC || step.assignedTo !== undefined || !isStepActive(step.status)) return undefined;
  const rule = assignmentRuleOf(deps.policy.assignment, step.role);
  if (rule.rule === AssignmentRuleKind.none) return undefined;
  const now = deps.clock.now();
  const duty = ctx ?? (await dutyContext(team, deps.policy, now));
  if (peopleOfRole(duty.people, step.role).length === 0) return undefined;
  const onDuty = onDutyAt(duty, step.role, now);
  const counts = rule.rule === AssignmentRuleKind.leastOpen ? (openCounts ?? (await heldCounts(deps.repository, step.role))) : undefined;
  const to = pickAssignee({ rule: rule.rule, onDuty, recent: await team.rosters.recentAssignees(step.role), ...(counts ? { openCounts: counts } : {}) });
  if (to === undefined) return undefined;
  const at = toInstant(now);
  const { changed } = await deps.repository.setAssignee(step, (s) => (s.assignedTo === undefined && isStepActive(s.status) ? { to } : 'keep'), at);
  if (!changed) return undefined;
  await team.rosters.recordAssigned(step.role, to);
  await deps.repository.appendTimeline(step.caseId, { id: `assigned#${step.step}#${step.attempt}#${at}`, at, kind: STEP_ASSIGNED, step: step.step, detail: { to, rule: rule.rule } });
  return to;
}

export interface HandoverReport {
  /** Steps moved from someone off duty to someone on duty. */
  handedOver: number;
  /** Steps put back in the pool. */
  pooled: number;
  /** Pool steps never assigned, given out now that someone is on duty. */
  assigned: number;
}

/** The sweep's pass over every human role's queue (functions/sla-sweep). */
export async function handOver(deps: AssignDeps, team: Team): Promise<HandoverReport> {
  const report: HandoverReport = { handedOver: 0, pooled: 0, assigned: 0 };
  const now = deps.clock.now();
  const ctx = await dutyContext(team, deps.policy, now);
  if (ctx.people.length === 0) return report;
  const at = toInstant(now);
  for (const role of deps.policy.roles.keys()) {
    if (peopleOfRole(ctx.people, role).length === 0) continue;
    const rule = assignmentRuleOf(deps.policy.assignment, role);
    const onDuty = onDutyAt(ctx, role, now);
    const steps = await readAll((page) => deps.repository.listQueue(role, page));
    const counts = countHeld(steps);
    for (const step of steps) {
      if (step.startsAt !== undefined && Date.parse(step.startsAt) > now) continue;
      const holder = step.assignedTo;
      if (holder === undefined) {
        // Never given out (opened while nobody was on duty): give it out now.
        if (step.assignedAt === undefined && onDuty.length > 0 && (await assignNewStep(deps, team, step, ctx, counts)) !== undefined) report.assigned += 1;
        continue;
      }
      if (onDuty.includes(holder)) continue;
      let to: string | undefined;
      if (rule.handover === HandoverKind.next) {
        // Nobody on duty to take it: it stays with its holder until someone is.
        if (onDuty.length === 0) continue;
        const kind = rule.rule === AssignmentRuleKind.none ? AssignmentRuleKind.roundRobin : rule.rule;
        to = pickAssignee({ rule: kind, onDuty, recent: await team.rosters.recentAssignees(role), openCounts: counts, except: holder });
        if (to === undefined) continue;
      }
      const { changed } = await deps.repository.setAssignee(step, (s) => (s.assignedTo === holder && isStepActive(s.status) ? { to } : 'keep'), at);
      if (!changed) continue;
      if (to !== undefined) {
        await team.rosters.recordAssigned(role, to);
        counts.set(to, (counts.get(to) ?? 0) + 1);
        report.handedOver += 1;
      } else report.pooled += 1;
      await deps.repository.appendTimeline(step.caseId, { id: `handover#${step.step}#${step.attempt}#${at}`, at, kind: STEP_ASSIGNED, step: step.step, detail: { from: holder, to: to ?? null, reason: 'off-duty' } });
    }
  }
  return report;
}

function countHeld(steps: readonly StepRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of steps) if (s.assignedTo !== undefined) counts.set(s.assignedTo, (counts.get(s.assignedTo) ?? 0) + 1);
  return counts;
}

async function heldCounts(repository: CaseRepository, role: string): Promise<Map<string, number>> {
  return countHeld(await readAll((page) => repository.listQueue(role, page)));
}
