import { z } from 'zod';
import { CaseStatus, CaseType } from '../../core/cases/case.ts';
import type { CaseActionRequest } from '../../core/lifecycles/contracts.ts';

const caseId = z.string().min(1);
const finalStatus = z.enum(Object.values(CaseStatus).filter((s): s is Exclude<CaseStatus, 'open'> => s !== 'open') as [Exclude<CaseStatus, 'open'>, ...Exclude<CaseStatus, 'open'>[]]);

/** The CaseActionRequest contract (core/lifecycles/contracts.ts) as the function validates it. */
export const caseActionRequest = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('close-case'), caseId, status: finalStatus, reason: z.string().optional() }),
  z.strictObject({ action: z.literal('cancel-order'), caseId, orderId: z.string().min(1) }),
  z.strictObject({
    action: z.literal('open-linked-case'),
    caseId,
    type: z.enum(Object.values(CaseType)),
    relation: z.enum(['converted-to', 'gave-rise']),
    data: z.record(z.string(), z.unknown()),
  }),
  z.strictObject({ action: z.literal('refund-cancelled-order'), caseId }),
  z.strictObject({ action: z.literal('notify-refund'), caseId, channel: z.string().min(1) }),
  z.strictObject({ action: z.literal('withdraw-refund'), caseId, channel: z.string().min(1), reason: z.string().min(1) }),
  z.strictObject({ action: z.literal('record'), caseId, event: z.string().min(1), detail: z.record(z.string(), z.unknown()).optional() }),
  z.strictObject({ action: z.literal('end-wait'), caseId, step: z.string().min(1) }),
]) satisfies z.ZodType<CaseActionRequest>;
