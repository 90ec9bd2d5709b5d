/** What the API shows of stored records: every documented field present (null when unset), task tokens never. */
import type { CaseRecord } from '../../core/cases/case.ts';
import type { CaseView } from '../../core/cases/repository.ts';
import type { StepRecord } from '../../core/cases/step.ts';
import type { z } from 'zod';
import type { caseSummary, caseView, queueItem, stepActionResult, stepView } from './schemas.ts';

export function toStepView(s: StepRecord): z.infer<typeof stepView> {
  return {
    step: s.step,
    attempt: s.attempt,
    role: s.role,
    status: s.status,
    openedAt: s.openedAt,
    due: s.due ?? null,
    warnAt: s.warnAt ?? null,
    provisional: s.provisional ?? false,
    warnedAt: s.warnedAt ?? null,
    breachedAt: s.breachedAt ?? null,
    escalatedTo: s.escalatedTo ?? null,
    pauses: s.pauses,
    pausedNow: s.pausedNow ?? null,
    completedAt: s.completedAt ?? null,
    completedBy: s.completedBy ?? null,
    onTime: s.onTime ?? null,
    outcome: s.outcome ?? null,
    fields: s.fields ?? null,
  };
}

export function toStepActionResult(s: StepRecord): z.infer<typeof stepActionResult> {
  return { caseId: s.caseId, caseType: s.caseType, ...toStepView(s) };
}

export function toCaseSummary(c: CaseRecord): z.infer<typeof caseSummary> {
  return { id: c.id, type: c.type, status: c.status, orderId: c.orderId ?? null, openedAt: c.openedAt, closedAt: c.closedAt ?? null };
}

export function toCaseView(view: CaseView): z.infer<typeof caseView> {
  return {
    ...toCaseSummary(view.case),
    data: view.case.data,
    links: view.links,
    steps: [...view.steps].sort((a, b) => (a.openedAt < b.openedAt ? -1 : a.openedAt > b.openedAt ? 1 : a.attempt - b.attempt)).map(toStepView),
    timeline: view.timeline,
  };
}

export function toQueueItem(s: StepRecord): z.infer<typeof queueItem> {
  return {
    caseId: s.caseId,
    caseType: s.caseType,
    step: s.step,
    attempt: s.attempt,
    role: s.role,
    openedAt: s.openedAt,
    due: s.due ?? null,
    warnAt: s.warnAt ?? null,
    provisional: s.provisional ?? false,
    status: s.status === 'paused' || s.status === 'warned' || s.status === 'breached' ? s.status : 'open',
    escalatedTo: s.escalatedTo ?? null,
  };
}
