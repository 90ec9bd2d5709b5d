/**
 * The periodic sweep (every 5 minutes): every active step whose next SLA timer is at or before
 * now and was not handled gets what its timer would have done, through the same logic. It
 * catches timers that were lost or failed.
 */
import { toInstant } from '../../core/cases/instant.ts';
import { createSlaTimers, TimerOutcome, type SlaTimerDeps } from '../sla-timer/sla-timers.ts';

export interface SweepReport {
  checked: number;
  warned: number;
  breached: number;
  failed: number;
}

/** Some steps could not be handled; the next sweep tries again. */
export class SweepIncomplete extends Error {
  override readonly name = 'SweepIncomplete';
  constructor(readonly report: SweepReport) {
    super(`sweep handled ${report.checked - report.failed} of ${report.checked} steps; ${report.failed} failed`);
  }
}

export function createSlaSweep(deps: SlaTimerDeps): () => Promise<SweepReport> {
  const timers = createSlaTimers(deps);
  return async () => {
    const before = toInstant(deps.clock.now());
    const report: SweepReport = { checked: 0, warned: 0, breached: 0, failed: 0 };
    let nextToken: string | undefined;
    do {
      const page = await deps.repository.listOpenStepsDueBefore(before, { limit: 100, ...(nextToken !== undefined ? { nextToken } : {}) });
      for (const step of page.items) {
        report.checked += 1;
        try {
          const outcome = await timers.check(step);
          if (outcome === TimerOutcome.warned) report.warned += 1;
          if (outcome === TimerOutcome.breached) report.breached += 1;
        } catch (error) {
          report.failed += 1;
          deps.log.error('sweep could not handle a step', { caseId: step.caseId, step: step.step, error: error as Error });
        }
      }
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    deps.log.info('sweep done', { ...report });
    if (report.failed > 0) throw new SweepIncomplete(report);
    return report;
  };
}
