/** The API's shapes, inferred from the zod schemas the API validates and documents with (never redefined here). */
import type { z } from 'zod';
import type { board, caseView, chatReport, pickupRun, pickupsWaiting, policyView, queue, queueItem, slaReportBody, stepActionResult } from '../../../functions/staff-api/schemas.ts';

export type QueueItem = z.infer<typeof queueItem>;
export type Queue = z.infer<typeof queue>;
export type CaseView = z.infer<typeof caseView>;
export type StepView = CaseView['steps'][number];
export type StepActionResult = z.infer<typeof stepActionResult>;
export type SlaReport = z.infer<typeof slaReportBody>;
export type Board = z.infer<typeof board>;
export type PolicyView = z.infer<typeof policyView>;
export type ChatReport = z.infer<typeof chatReport>;
export type PickupsWaiting = z.infer<typeof pickupsWaiting>;
export type PickupRun = z.infer<typeof pickupRun>;
