/**
 * `end-wait`: a pre-sale order's ship date came (service-standards.md §12). The workflow's wait
 * Task timed out at `shipFrom`, so nobody answers its token: this completes the stored step (by
 * `platform`, with `releasedAt`) so the case page and the reports see the wait ended. A repeat
 * (Step Functions retries Tasks) finds no active attempt and does nothing.
 */
import { StepNotOpen } from '../../core/cases/errors.ts';
import { toInstant } from '../../core/cases/instant.ts';
import { isStepActive } from '../../core/cases/step.ts';
import type { CaseActionRequest } from '../../core/lifecycles/contracts.ts';
import { settleCompletion, type CompletionEffectsDeps } from '../shared/completion-effects.ts';

export async function endWait(deps: CompletionEffectsDeps, request: Extract<CaseActionRequest, { action: 'end-wait' }>): Promise<void> {
  const view = await deps.repository.getCase(request.caseId);
  const active = view.steps.filter((s) => s.step === request.step && isStepActive(s.status)).sort((a, b) => b.attempt - a.attempt)[0];
  if (!active) return;
  const at = toInstant(deps.clock.now());
  try {
    const done = await deps.repository.completeStep(active, { at, by: 'platform', fields: { releasedAt: at } });
    await settleCompletion(deps, done);
  } catch (error) {
    if (!(error instanceof StepNotOpen)) throw error;
  }
}
