/**
 * The JSON schema of every detail-type on the bus, as zod. `docs/events.md` is generated from
 * these (test/core/ports/events-doc.test.ts fails when they drift), and `domainEvent` checks a
 * detail against its schema before it is published.
 */
import { z } from 'zod';
import { CaseStatus, CaseType, LinkRelation } from '../cases/case.ts';
import { DetailType, type DomainEvent } from './events.ts';
import { NOTICE_KINDS } from '../notices/notice.ts';

const instant = z.iso.datetime({ offset: true }).describe('ISO-8601 instant (UTC, `...Z`)');
const caseId = z.string().min(1).describe('the case');
const caseType = z.enum(Object.values(CaseType)).describe('the case type');
const stepId = z.string().min(1).describe('step id of service-standards.md, e.g. `order.review`');
const attempt = z.number().int().min(1).describe('1 unless the step id opened more than once in the case');
const role = z.string().min(1).describe('role id of service-standards.md §1, or `automatic`');

const stepRef = { caseId, caseType, step: stepId, attempt };
const chatRef = {
  conversationId: z.string().min(1).describe('the storefront\'s conversation id'),
  standard: z.enum(['chat.greeting', 'chat.reply']).describe('the chat standard of service-standards.md §10'),
  role: z.string().min(1).describe('the answering role (`presales-cs` by default)'),
  agentId: z.string().min(1).describe('the agent the wait belongs to, or `unassigned`'),
};

/** Whether an SLA event concerns one step or the whole case (the order handover promise, refund arrival). */
export const SlaScope = { step: 'step', case: 'case' } as const;
export type SlaScope = (typeof SlaScope)[keyof typeof SlaScope];
const scope = z.enum(Object.values(SlaScope)).describe('`step`: one step\'s deadline; `case`: a case-level promise');

export const eventSchemas = {
  [DetailType.CaseOpened]: z
    .strictObject({ caseId, caseType, orderId: z.string().optional(), openedAt: instant, sourceEventId: z.string().optional() })
    .describe('A case was opened (a storefront event, or a linked case from another case).'),
  [DetailType.CaseClosed]: z
    .strictObject({ caseId, caseType, status: z.enum(Object.values(CaseStatus).filter((s) => s !== 'open') as [Exclude<CaseStatus, 'open'>, ...Exclude<CaseStatus, 'open'>[]]), closedAt: instant, reason: z.string().optional() })
    .describe('A case reached its final status.'),
  [DetailType.CaseLinked]: z
    .strictObject({ caseId, otherCaseId: z.string().min(1), otherCaseType: caseType, relation: z.enum(Object.values(LinkRelation)), linkedAt: instant })
    .describe('Two cases were linked (recorded on both); `relation` is as seen from `caseId`.'),
  [DetailType.StepOpened]: z
    .strictObject({ ...stepRef, role, openedAt: instant, due: instant.nullable(), warnAt: instant.nullable() })
    .describe('A step opened with its deadline; `due` is null for steps without one, `warnAt` null for day-based rules.'),
  [DetailType.StepCompleted]: z
    .strictObject({ ...stepRef, role, completedAt: instant, completedBy: z.string(), outcome: z.string().nullable(), onTime: z.boolean() })
    .describe('A step was completed (late steps too: `onTime` false).'),
  [DetailType.StepCancelled]: z
    .strictObject({ ...stepRef, role, cancelledAt: instant, reason: z.string().optional() })
    .describe('A step closed without its work being done (e.g. the order\'s steps after a confirmed cancellation).'),
  [DetailType.StepPaused]: z
    .strictObject({ ...stepRef, pausedAt: instant, reason: z.string(), until: instant.optional(), by: z.string().optional() })
    .describe('A step\'s clock stopped; with `until` it resumes by itself.'),
  [DetailType.StepResumed]: z
    .strictObject({ ...stepRef, resumedAt: instant, due: instant.nullable(), warnAt: instant.nullable(), by: z.string().optional() })
    .describe('A paused step\'s clock runs again; `due`/`warnAt` are recomputed without the paused time.'),
  [DetailType.SlaWarning]: z
    .strictObject({
      scope,
      ...stepRef,
      role,
      due: instant,
      warnAt: instant,
      warnedAt: instant,
      escalatedTo: z.string().optional().describe('a warning that escalates like a breach (an urgent complaint, service-standards.md §12): the level\'s role'),
      escalationLevel: z.number().int().positive().optional().describe('1 for the first level'),
      escalationSeenAt: instant.optional().describe('when the level is on duty to see it'),
    })
    .describe('80 % of a step\'s business-time budget passed and it is still open (day-based rules have no warning). Case scope: a case-level promise reached its warning mark (the order handover\'s 24 h, "within 1 day"); `step` names the policy entry.'),
  [DetailType.SlaBreached]: z
    .strictObject({
      scope,
      ...stepRef,
      role,
      due: instant,
      breachedAt: instant,
      escalatedTo: z.string().optional().describe('the escalation level\'s role (`escalation.levels`, service-standards.md §9)'),
      escalationLevel: z.number().int().positive().optional().describe('1 for the first level'),
      escalationSeenAt: instant.optional().describe('when the level is on duty to see it: `breachedAt` when on duty then, else its next shift start'),
    })
    .describe('A deadline passed with the work still open. Step scope: the step is marked breached and escalated to the first escalation level on duty (else the first level, seen at its next shift start). Case scope: a case-level promise (order handover, refund arrival) was broken; `step` names the policy entry.'),
  [DetailType.PickupBatchRun]: z
    .strictObject({
      batchId: z.string().describe('`<Shanghai date>T<HH:MM>` of a scheduled batch; `<Shanghai date>T<HH:MM:SS>-manual` of a run by hand'),
      ranAt: instant,
      manual: z.boolean().describe('run through `POST /pickups/run` rather than by the schedule'),
      parcels: z.array(z.strictObject({ caseId, plannedAt: instant.nullable(), missed: z.boolean() })),
    })
    .describe('A courier pickup batch handed over every dispatched parcel.'),
  [DetailType.PickupMissed]: z
    .strictObject({ caseId, orderId: z.string().optional(), batchId: z.string(), plannedAt: instant, handedOverAt: instant })
    .describe('A parcel went with a later batch than planned.'),
  [DetailType.PickupAtRisk]: z
    .strictObject({
      ...stepRef,
      role,
      orderId: z.string().optional(),
      batchTargetAt: instant.describe('the latest completion of the step that still makes the planned batch (`pickup.stepShares`)'),
      plannedPickupAt: instant.describe('the planned pickup batch'),
      atRiskAt: instant,
    })
    .describe('An order step passed its batch target still open (service-standards.md §2 "Batch targets"): the parcel may miss its planned batch. Raised once per step; `PickupMissed` follows only if it really goes with a later batch.'),
  [DetailType.RefundOverdue]: z
    .strictObject({ ...stepRef, due: instant, overdueAt: instant, channel: z.string().optional() })
    .describe('A refund did not arrive within its channel\'s time (Alipay same day, bank card 7, BOC 10 working days).'),
  [DetailType.RefundRequested]: z
    .strictObject({ caseId, channel: z.string(), requestedAt: instant })
    .describe('The payment platform is to refund the case (the payment integration is out of scope; it consumes this).'),
  [DetailType.CaseFactRecorded]: z
    .strictObject({ caseId, event: z.string().min(1).describe('what happened, e.g. `OrderHandedOver`'), recordedAt: instant, detail: z.record(z.string(), z.unknown()) })
    .describe('A case-level fact a workflow recorded on the timeline.'),
  [DetailType.ChatGreetingBreached]: z
    .strictObject({ ...chatRef, askedAt: instant, due: instant, breachedAt: instant, answeredAt: instant.nullable() })
    .describe('A conversation\'s first customer message was not answered (by an agent or an auto-reply) within `chat.greetingSeconds` of on-duty time (§10).'),
  [DetailType.ChatReplyBreached]: z
    .strictObject({ ...chatRef, askedAt: instant, due: instant, breachedAt: instant, answeredAt: instant.nullable(), waitSeconds: z.number().describe('on-duty seconds waited so far, or until the answer') })
    .describe('A customer question was not answered by an agent within `chat.replySeconds` of on-duty time (§10); `agentId` is who answered late, else the conversation\'s last agent, else `unassigned`.'),
  [DetailType.CustomerNotice]: z
    .strictObject({
      noticeId: z.string().min(1).describe('`<caseId>:<kind>[:<attempt>]`, the same on every redelivery: the storefront may drop a repeat by it'),
      kind: z.enum(NOTICE_KINDS).describe('`ship-time` (after the review, §2.4.1 l.202), `refund-sent` (§2.4.1 l.222), `complaint-received`, `complaint-resolved` (§4.3)'),
      caseId,
      orderId: z.string().optional().describe('the storefront order (absent for a complaint filed without one)'),
      text: z.string().min(1).describe('the Chinese text for the buyer, from the policy\'s `notices.templates`'),
      at: instant,
    })
    .describe('A message the standard says the customer gets. The customer-notices function posts it to the storefront\'s `notices.url`, signed `X-Platform-Signature` like inbound webhooks, retrying with back-off for 24 h before dead-lettering it (docs/notices.md).'),
} as const satisfies Record<DetailType, z.ZodType>;

export type EventDetail<T extends DetailType> = z.input<(typeof eventSchemas)[T]>;

/** A domain event whose detail was checked against its schema (a wrong detail is a bug: it throws). */
export function domainEvent<T extends DetailType>(detailType: T, detail: EventDetail<T>, time?: string): DomainEvent {
  const parsed: unknown = eventSchemas[detailType].parse(detail);
  return { detailType, detail: parsed as Record<string, unknown>, ...(time !== undefined ? { time } : {}) };
}
