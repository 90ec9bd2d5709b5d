/** Why the API refused a step action, in the reader's language (the queue's resume and the step dialog both say it). */
import { ApiError, getJson } from '../api/client.ts';
import { wordApiError } from '../api/error-words.ts';
import type { CaseView } from '../api/types.ts';
import type { I18n } from '../i18n/i18n.tsx';
import { labelOf, STATUS_LABELS } from '../i18n/labels.ts';
import { formatWeekdayDateTime } from '../time/format.ts';
import { windowVars } from './no-reason-window-text.ts';

/** A refusal in words; for 409 the step's current state, read back from the case: who completed it and when. */
export async function describeError(error: unknown, caseId: string, step: string, { t, lang }: Pick<I18n, 't' | 'lang'>): Promise<string> {
  if (!(error instanceof ApiError)) return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
  if (error.status === 409) {
    try {
      const view = await getJson<CaseView>(`/cases/${encodeURIComponent(caseId)}`);
      // 七天无理由 (§5–§6): the window's end in Beijing time, from the case.
      if (error.code === 'NoReasonWindowClosed' && view.noReasonWindow) return t('noReason.refused', windowVars(view.noReasonWindow, lang));
      const current = [...view.steps].reverse().find((s) => s.step === step);
      if (current?.status === 'completed' && current.completedAt) return t('action.conflict', { who: current.completedBy ?? '?', when: formatWeekdayDateTime(current.completedAt, lang) });
      if (current) return t('action.conflictOther', { status: labelOf(STATUS_LABELS, current.status, lang) });
    } catch {
      // Fall through to the API's own words.
    }
  }
  return t('error.generic', { message: wordApiError(error, lang) });
}
