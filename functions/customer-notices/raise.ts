/**
 * An event that calls for a customer notice arrives (the `notice-triggers` rule): the notice is
 * composed from the policy's template with the case's order and, for the ship time, the review's
 * planned pickup batch, and published as a `CustomerNotice` event. A redelivery publishes the same
 * notice again (same `noticeId`); the outbox queues it once.
 */
import type { BusEvent } from '../../core/alarms/alarm.ts';
import type { CustomerNotice } from '../../core/notices/notice.ts';
import { composeNotice, noticeTrigger, type NoticeFacts } from '../../core/notices/triggers.ts';
import { domainEvent } from '../../core/ports/event-schemas.ts';
import { DetailType } from '../../core/ports/events.ts';
import type { NoticeDeps } from './deps.ts';

export async function raiseNotice(deps: NoticeDeps, event: BusEvent): Promise<CustomerNotice | undefined> {
  const trigger = noticeTrigger(event);
  if (trigger === undefined) return undefined;
  const { case: record } = await deps.repository.getCase(trigger.caseId);
  const facts: NoticeFacts = record.orderId === undefined ? {} : { orderId: record.orderId };
  if (trigger.step !== undefined && trigger.kind === 'ship-time') {
    const step = await deps.repository.getStep({ caseId: trigger.caseId, ...trigger.step });
    if (step.plannedPickupAt !== undefined) facts.plannedPickupAt = step.plannedPickupAt;
  }
  const notice = composeNotice(trigger, facts, deps.policy.notices, deps.policy.zone);
  if (notice === undefined) {
    // A pre-sale or backorder review plans no batch: there is no ship time to tell yet.
    deps.log.info('no ship time to tell: the review planned no pickup batch', { caseId: trigger.caseId });
    return undefined;
  }
  await deps.events.publish([domainEvent(DetailType.CustomerNotice, notice, notice.at)]);
  deps.log.info('customer notice raised', { noticeId: notice.noticeId, kind: notice.kind });
  return notice;
}
