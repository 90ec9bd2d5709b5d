/** The API's shapes, inferred from the zod schemas the API validates and documents with (never redefined here). */
import type { z } from 'zod';
import type { board, caseView, queueItem, slaReportBody, stepActionResult, stepView } from '../../../functions/staff-api/schemas.ts';

export type QueueItem = z.infer<typeof queueItem>;
export type CaseView = z.infer<typeof caseView>;
export type StepView = z.infer<typeof stepView> & { deadlineExplanation?: { zh: string | string[]; en: string | string[] } | null };
export type StepActionResult = z.infer<typeof stepActionResult>;
export type SlaReport = z.infer<typeof slaReportBody>;
export type Board = z.infer<typeof board>;
