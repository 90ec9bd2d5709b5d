/**
 * Which bus events tell the customer something, and the notice each makes (service-standards.md
 * §12 "Customer notices"). Pure: the customer-notices function looks up the facts (the case's order,
 * the review's planned batch) and passes them in.
 *
 * - `StepCompleted` of `order.review` with outcome `confirmed` → `ship-time` (§2.4.1 l.202: the
 *   agent tells the planned ship time at the end of the review call);
 * - `StepOpened` of `refund.settle` → `refund-sent` (§2.4.1 l.222; §3.2 "即时返款到您的付款账户"): the
 *   money is on its way — right after a cancellation's refund request, but for a return only once
 *   the goods passed inspection (§5 "货到后…退款"; a failed one withdraws the refund, untold);
 * - `CaseOpened` of a complaint → `complaint-received`; `StepCompleted` of `complaint.resolve` →
 *   `complaint-resolved` (§4.3 "有回音、有结果").
 */
import type { BusEvent } from '../alarms/alarm.ts';
import { DetailType } from '../ports/events.ts';
import type { Zone } from '../time/zone.ts';
import { NoticeKind, type CustomerNotice } from './notice.ts';
import type { NoticePolicy } from './policy.ts';
import { renderNotice } from './templates.ts';

/** The detail-types the customer-notices function's trigger rule subscribes to. */
export const NOTICE_TRIGGER_TYPES: readonly string[] = [DetailType.StepCompleted, DetailType.StepOpened, DetailType.CaseOpened];

export interface NoticeTrigger {
  kind: NoticeKind;
  caseId: string;
  /** The step and attempt the notice follows (the review's planned batch is read from it). */
  step?: { step: string; attempt: number };
  /** When it happened (ISO-8601 UTC). */
  at: string;
}

export interface NoticeFacts {
  orderId?: string;
  /** The review step's planned pickup batch (ship-time only); without it no ship time can be told. */
  plannedPickupAt?: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The notice an event calls for, or undefined for every other event. */
export function noticeTrigger(event: BusEvent): NoticeTrigger | undefined {
  const d = event.detail;
  const caseId = text(d.caseId);
  if (caseId === undefined) return undefined;
  switch (event['detail-type']) {
    case DetailType.StepCompleted: {
      const at = text(d.completedAt) ?? '';
      const step = { step: String(d.step), attempt: Number(d.attempt ?? 1) };
      if (d.step === 'order.review' && d.outcome === 'confirmed') return { kind: NoticeKind.shipTime, caseId, step, at };
      if (d.step === 'complaint.resolve') return { kind: NoticeKind.complaintResolved, caseId, step, at };
      return undefined;
    }
    case DetailType.StepOpened:
      return d.step === 'refund.settle' ? { kind: NoticeKind.refundSent, caseId, step: { step: 'refund.settle', attempt: Number(d.attempt ?? 1) }, at: text(d.openedAt) ?? '' } : undefined;
    case DetailType.CaseOpened:
      return d.caseType === 'complaint' ? { kind: NoticeKind.complaintReceived, caseId, at: text(d.openedAt) ?? '' } : undefined;
    default:
      return undefined;
  }
}

/** The notice for a trigger, or undefined when a ship time is to be told but the review planned no batch. */
export function composeNotice(trigger: NoticeTrigger, facts: NoticeFacts, policy: NoticePolicy, zone: Zone): CustomerNotice | undefined {
  let shipTime: string | undefined;
  if (trigger.kind === NoticeKind.shipTime) {
    if (facts.plannedPickupAt === undefined) return undefined;
    shipTime = chineseDateTime(zone, Date.parse(facts.plannedPickupAt));
  }
  const noticeId = trigger.step === undefined || trigger.step.attempt === 1 ? `${trigger.caseId}:${trigger.kind}` : `${trigger.caseId}:${trigger.kind}:${trigger.step.attempt}`;
  const notice: CustomerNotice = {
    noticeId,
    kind: trigger.kind,
    caseId: trigger.caseId,
    text: renderNotice(policy.templates[trigger.kind], { shipTime, orderId: facts.orderId, shop: policy.shop }),
    at: trigger.at,
  };
  return facts.orderId === undefined ? notice : { ...notice, orderId: facts.orderId };
}

/** `12月8日 10:00` in the zone: how the agent would say the batch time. */
export function chineseDateTime(zone: Zone, ms: number): string {
  const iso = zone.formatIso(ms);
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`;
}
