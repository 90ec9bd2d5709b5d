import { shanghaiDay } from '../../core/cases/report-day.ts';
import type { CaseRepository } from '../../core/cases/repository.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import type { StepRecord } from '../../core/cases/step.ts';
import { readAll } from './read-all.ts';

/** Every step closed on an Asia/Shanghai day (`YYYY-MM-DD`), read page by page: the input of the SLA report. */
export async function stepsClosedOn(repository: Pick<CaseRepository, 'listStepsClosedOn'>, day: string): Promise<StepRecord[]> {
  const steps: StepRecord[] = [];
  let nextToken: string | undefined;
  do {
    const page = await repository.listStepsClosedOn(day, { limit: 500, ...(nextToken !== undefined ? { nextToken } : {}) });
    steps.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return steps;
}

/** Every active step: each role's queue, and each policy step's automatic waiting list (a step may be handed to `automatic`, e.g. the last unpaid check). */
export interface ActiveSteps {
  /** Role id → its queue. */
  queues: ReadonlyMap<string, StepRecord[]>;
  /** Step id → the steps of that id waiting on `automatic`. */
  awaiting: ReadonlyMap<string, StepRecord[]>;
}

type ActiveStepsDeps = { repository: Pick<CaseRepository, 'listQueue' | 'listAwaiting'>; policy: Pick<CompiledPolicy, 'roles' | 'steps'> };

/** Reads every role's queue and every step's waiting list once, page by page. */
export async function readActiveSteps(deps: ActiveStepsDeps): Promise<ActiveSteps> {
  const roles = [...deps.policy.roles.keys()];
  const steps = [...deps.policy.steps.keys()];
  const [queues, awaiting] = await Promise.all([
    Promise.all(roles.map((role) => readAll((page) => deps.repository.listQueue(role, page)))),
    Promise.all(steps.map((step) => readAll((page) => deps.repository.listAwaiting(step, page)))),
  ]);
  return { queues: new Map(roles.map((role, i) => [role, queues[i]!])), awaiting: new Map(steps.map((step, i) => [step, awaiting[i]!])) };
}

/** The active steps whose due falls on one of `days` (Asia/Shanghai `YYYY-MM-DD`): the SLA report judges them (past due is a breach, not yet due is open). */
export function dueOn(active: ActiveSteps, days: readonly string[]): StepRecord[] {
  return [...active.queues.values(), ...active.awaiting.values()].flat().filter((s) => s.due !== undefined && days.includes(shanghaiDay(s.due)));
}

/** `dueOn(await readActiveSteps(deps), days)`. */
export async function activeStepsDueOn(deps: ActiveStepsDeps, days: readonly string[]): Promise<StepRecord[]> {
  return dueOn(await readActiveSteps(deps), days);
}
