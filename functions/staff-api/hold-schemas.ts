/** Bodies and answers of the hold and priority routes (service-standards.md §12; docs/workflows.md "Holds", "Priority same-day shipping"). The console validates with the same schemas. */
import { z } from 'zod';
import { HOLD_APPROVERS, HOLD_DECISIONS } from '../../core/holds/hold.ts';

const note = z.string({ error: 'expected a note as text' }).trim().min(1, 'a note must not be empty').max(500, 'at most 500 characters');

/** `POST /cases/{caseId}/hold` (`presales-cs`, `supervisor`): ask to hold the unit for a day. */
export const holdRequestBody = z.strictObject({
  note: note.optional().describe('why, e.g. "买家朋友明天代付"'),
});

/** `POST /cases/{caseId}/hold/approve` (`supervisor`, `manager`): one approver's decision. */
export const holdDecisionBody = z.strictObject({
  decision: z.enum(HOLD_DECISIONS, { error: `decision: expected one of ${HOLD_DECISIONS.join(', ')}` }),
  as: z.enum(HOLD_APPROVERS, { error: `as: expected one of ${HOLD_APPROVERS.join(', ')}` }).optional().describe('which approval this is, for a caller with both roles; default: the first still open that the caller may decide'),
  note: note.optional(),
});

/** `POST /cases/{caseId}/priority` (`supervisor`): ship today. */
export const priorityBody = z.strictObject({
  reason: note.optional().describe('e.g. "买家急用"'),
});

/** The answer of the hold routes: where the hold stands (core/holds/hold.ts `holdState`). */
export const holdAnswer = z.object({
  caseId: z.string(),
  hold: z.object({ state: z.enum(['none', 'requested', 'refused', 'held', 'ended', 'cancelled']) }).loose(),
});

/** The answer of the priority route. */
export const priorityAnswer = z.object({
  caseId: z.string(),
  priority: z.literal(true),
  /** The batch the order is planned for now (Beijing time), when a step before the pickup is open. */
  plannedPickupAt: z.string().nullable(),
});
