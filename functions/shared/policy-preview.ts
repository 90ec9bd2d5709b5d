/**
 * What a draft policy would do before it is published (issue 25, `POST /policy/preview`): each
 * open step whose deadline would move and by how much (recomputed from its stored start, pauses
 * and facts, as a recompute publish would), which would breach at once, and how the last 7 days'
 * on-time share would have read under the draft (steps closed on those Asia/Shanghai days, judged
 * against their recomputed deadline). Reads only; nothing is written.
 */
import type { TimelineEntry } from '../../core/cases/case.ts';
import { toInstant } from '../../core/cases/instant.ts';
import { isOnTime } from '../../core/cases/on-time.ts';
import type { CaseRepository } from '../../core/cases/repository.ts';
import { StepStatus, type StepRecord } from '../../core/cases/step.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import { formatDate } from '../../core/time/civil.ts';
import { readActiveSteps, stepsClosedOn } from './closed-steps.ts';
import { recomputeStep } from './step-recompute.ts';

export interface PreviewDeps {
  repository: CaseRepository;
  /** The policy in force. */
  policy: CompiledPolicy;
  clock: { now(): number };
}

export interface MovedStepPreview {
  caseId: string;
  caseType: string;
  step: string;
  attempt: number;
  role: string;
  paused: boolean;
  dueBefore: string;
  dueAfter: string;
  /** Positive: later under the draft. */
  movedMinutes: number;
  /** Not due yet under the policy in force, past due under the draft: a publish that recomputes breaches it at once. */
  breachesAtOnce: boolean;
  provisional: boolean;
}

export interface PolicyPreview {
  at: string;
  summary: { open: number; moved: number; later: number; earlier: number; breachesAtOnce: number; kept: number };
  steps: MovedStepPreview[];
  onTime: { from: string; to: string; steps: number; current: number | null; draft: number | null };
}

const DAYS = 7;

export async function previewPolicy(deps: PreviewDeps, draft: CompiledPolicy): Promise<PolicyPreview> {
  const now = deps.clock.now();
  const timelines = new Map<string, Promise<readonly TimelineEntry[]>>();
  const timelineOf = (caseId: string) => {
    let found = timelines.get(caseId);
    if (!found) timelines.set(caseId, (found = deps.repository.getCase(caseId).then((v) => v.timeline)));
    return found;
  };

  const open = await openSteps(deps, draft);
  const steps: MovedStepPreview[] = [];
  let kept = 0;
  for (const step of open) {
    if (step.due === undefined || step.breachedAt !== undefined) continue;
    const outcome = recomputeStep(draft, step, await timelineOf(step.caseId), now);
    if (outcome.kind === 'kept') {
      kept += 1;
      continue;
    }
    if (outcome.due === step.due) continue;
    const before = Date.parse(step.due);
    const after = Date.parse(outcome.due);
    steps.push({
      caseId: step.caseId,
      caseType: step.caseType,
      step: step.step,
      attempt: step.attempt,
      role: step.role,
      paused: step.pausedNow !== undefined,
      dueBefore: step.due,
      dueAfter: outcome.due,
      movedMinutes: Math.round((after - before) / 60_000),
      breachesAtOnce: step.pausedNow === undefined && before > now && after <= now,
      provisional: outcome.provisional,
    });
  }
  steps.sort((a, b) => (a.dueAfter < b.dueAfter ? -1 : a.dueAfter > b.dueAfter ? 1 : 0));

  return {
    at: toInstant(now),
    summary: {
      open: open.length,
      moved: steps.length,
      later: steps.filter((s) => s.movedMinutes > 0).length,
      earlier: steps.filter((s) => s.movedMinutes < 0).length,
      breachesAtOnce: steps.filter((s) => s.breachesAtOnce).length,
      kept,
    },
    steps,
    onTime: await onTimeUnder(deps, draft, now, timelineOf),
  };
}

/** Every active step, whichever of the two policies' roles and steps lists it. */
async function openSteps(deps: PreviewDeps, draft: CompiledPolicy): Promise<StepRecord[]> {
  const both = { roles: new Map([...deps.policy.roles, ...draft.roles]), steps: new Map([...deps.policy.steps, ...draft.steps]) };
  const active = await readActiveSteps({ repository: deps.repository, policy: both });
  const seen = new Map<string, StepRecord>();
  for (const step of [...active.queues.values(), ...active.awaiting.values()].flat()) seen.set(`${step.caseId}#${step.step}#${step.attempt}`, step);
  return [...seen.values()];
}

async function onTimeUnder(
  deps: PreviewDeps,
  draft: CompiledPolicy,
  now: number,
  timelineOf: (caseId: string) => Promise<readonly TimelineEntry[]>,
): Promise<PolicyPreview['onTime']> {
  const today = deps.policy.zone.dayOf(now);
  const days = Array.from({ length: DAYS }, (_, i) => formatDate(today - (DAYS - 1) + i));
  const closed: StepRecord[] = [];
  for (const day of days) closed.push(...(await stepsClosedOn(deps.repository, day)));
  const judged = closed.filter((s) => s.status === StepStatus.completed && s.due !== undefined && s.completedAt !== undefined);
  let current = 0;
  let draftOnTime = 0;
  for (const step of judged) {
    const closedAt = step.completedAt as string;
    if (isOnTime(step, closedAt)) current += 1;
    const outcome = recomputeStep(draft, step, await timelineOf(step.caseId), now);
    const due = outcome.kind === 'deadline' ? outcome.due : step.due;
    // Judged on the draft's deadline alone: the breach recorded under the policy in force does not count against it.
    if (isOnTime({ due }, closedAt)) draftOnTime += 1;
  }
  const share = (n: number) => (judged.length === 0 ? null : Math.round((n / judged.length) * 1000) / 10);
  return { from: days[0]!, to: days[days.length - 1]!, steps: judged.length, current: share(current), draft: share(draftOnTime) };
}
