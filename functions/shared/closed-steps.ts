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

/**
 * Every step still active whose due falls on one of `days` (Asia/Shanghai `YYYY-MM-DD`): each role's
 * queue and each step's automatic waiting list (a step may be handed to `automatic`, e.g. the last
 * unpaid check). The SLA report judges them: past due is a breach, not yet due is open.
 */
export async function activeStepsDueOn(
  deps: { repository: Pick<CaseRepository, 'listQueue' | 'listAwaiting'>; policy: Pick<CompiledPolicy, 'roles' | 'steps'> },
  days: readonly string[],
): Promise<StepRecord[]> {
  const lists = await Promise.all([
    ...[...deps.policy.roles.keys()].map((role) => readAll((page) => deps.repository.listQueue(role, page))),
    ...[...deps.policy.steps.keys()].map((step) => readAll((page) => deps.repository.listAwaiting(step, page))),
  ]);
  return lists.flat().filter((s) => s.due !== undefined && days.includes(shanghaiDay(s.due)));
}
