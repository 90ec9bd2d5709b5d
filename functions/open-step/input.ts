import { z } from 'zod';
import { CaseType } from '../../core/cases/case.ts';
import type { OpenStepRequest } from '../../core/lifecycles/contracts.ts';

/** The OpenStepRequest contract (core/lifecycles/contracts.ts) as the function validates it. */
export const openStepRequest = z.strictObject({
  caseId: z.string().min(1),
  caseType: z.enum(Object.values(CaseType)),
  step: z.string().min(1),
  taskToken: z.string().min(1),
  attempt: z.number().int().min(1).optional(),
  facts: z.record(z.string(), z.string()).optional(),
  deadlineFrom: z.iso.datetime({ offset: true }).optional(),
  role: z.string().min(1).optional(),
  readyAt: z.iso.datetime({ offset: true }).optional(),
}) satisfies z.ZodType<OpenStepRequest>;
