/**
 * The periodic sweep (every 5 minutes): every active step whose next SLA timer is at or before
 * now and was not handled gets what its timer would have done, through the same logic. It
 * catches timers that were lost or failed — the case-level deadlines' (the order handover's
 * warning and breach) as well as the steps'. It also settles completions whose effects a crash
 * cut short (stored, but the workflow never answered: `functions/shared/completion-effects.ts`),
 * once they are older than `SETTLE_GRACE_MS`, so a completion still settling is left to itself.
 */
import { toInstant } from '../../core/cases/instant.ts';
import type { Page } from '../../core/cases/repository.ts';
import type { WorkflowGateway } from '../../core/ports/workflows.ts';
import { settleCompletion } from '../shared/completion-effects.ts';
import { createSlaTimers, TimerOutcome, type SlaTimerDeps } from '../sla-timer/sla-timers.ts';

/** How old an unsettled completion must be before the sweep settles it (ms): a live one takes well under a second. */
export const SETTLE_GRACE_MS = 60_000;

export type SlaSweepDeps = SlaTimerDeps & { workflows: WorkflowGateway };

export interface SweepReport {
  checked: number;
  warned: number;
  breached: number;
  /** Case-level deadlines warned or breached (their timers were lost). */
  caseWarned: number;
  caseBreached: number;
  /** Completions whose workflow answer and `StepCompleted` were owed, settled now. */
  answered: number;
  failed: number;
}

/** Some steps could not be handled; the next sweep tries again. */
export class SweepIncomplete extends Error {
  override readonly name = 'SweepIncomplete';
  constructor(readonly report: SweepReport) {
    super(`sweep handled ${report.checked - report.failed} of ${report.checked} steps; ${report.failed} failed`);
  }
}

export function createSlaSweep(deps: SlaSweepDeps): () => Promise<SweepReport> {
  const timers = createSlaTimers(deps);
  return async () => {
    const now = deps.clock.now();
    const before = toInstant(now);
    const report: SweepReport = { checked: 0, warned: 0, breached: 0, caseWarned: 0, caseBreached: 0, answered: 0, failed: 0 };
    const handle = async (item: { caseId: string }, step: string, work: () => Promise<void>): Promise<void> => {
      report.checked += 1;
      try {
        await work();
      } catch (error) {
        report.failed += 1;
        deps.log.error('sweep could not handle a step', { caseId: item.caseId, step, error: error as Error });
      }
    };
    await eachPage(
      (page) => deps.repository.listOpenStepsDueBefore(before, page),
      (step) =>
        handle(step, step.step, async () => {
          const outcome = await timers.check(step);
          if (outcome === TimerOutcome.warned) report.warned += 1;
          if (outcome === TimerOutcome.breached) report.breached += 1;
        }),
    );
    await eachPage(
      (page) => deps.repository.listUnansweredCompletions(toInstant(now - SETTLE_GRACE_MS), page),
      (step) =>
        handle(step, step.step, async () => {
          await settleCompletion(deps, step);
          report.answered += 1;
        }),
    );
    await eachPage(
      (page) => deps.repository.listCaseDeadlinesDueBefore(before, page),
      (deadline) =>
        handle(deadline, deadline.deadline, async () => {
          const outcome = await timers.checkCase(deadline);
          if (outcome === TimerOutcome.caseWarned) report.caseWarned += 1;
          if (outcome === TimerOutcome.caseBreached) report.caseBreached += 1;
        }),
    );
    deps.log.info('sweep done', { ...report });
    if (report.failed > 0) throw new SweepIncomplete(report);
    return report;
  };
}

/** Every item of a paged listing, page by page (100 at a time). */
async function eachPage<T>(list: (page: { limit: number; nextToken?: string }) => Promise<Page<T>>, visit: (item: T) => Promise<void>): Promise<void> {
  let nextToken: string | undefined;
  do {
    const page = await list({ limit: 100, ...(nextToken !== undefined ? { nextToken } : {}) });
    for (const item of page.items) await visit(item);
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
}
