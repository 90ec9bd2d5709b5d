import type { CaseRepository } from '../../core/cases/repository.ts';
import type { StepRecord } from '../../core/cases/step.ts';

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
