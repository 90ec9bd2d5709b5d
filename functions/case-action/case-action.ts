/**
 * The platform's own work inside a lifecycle (`case-action`, a plain lambda:invoke Task): close a
 * case, cancel an order for a confirmed cancellation, refund an order cancelled at review, open a
 * linked case, ask for a refund or withdraw it, record a fact. Each is safe to repeat: Step Functions retries Tasks.
 */
import type { CaseRecord, CaseStatus } from '../../core/cases/case.ts';
import { CaseClosed } from '../../core/cases/errors.ts';
import { toInstant } from '../../core/cases/instant.ts';
import type { CaseRepository } from '../../core/cases/repository.ts';
import { StepStatus } from '../../core/cases/step.ts';
import type { CaseActionRequest, CaseActionResult, LifecycleInput } from '../../core/lifecycles/contracts.ts';
import { isOrderPaid } from '../../core/lifecycles/order-payment.ts';
import { domainEvent } from '../../core/ports/event-schemas.ts';
import { DetailType, type DomainEvent, type EventPublisher } from '../../core/ports/events.ts';
import type { TimerScheduler } from '../../core/ports/timers.ts';
import type { WorkflowGateway } from '../../core/ports/workflows.ts';
import type { Clock } from '../../core/time/clock.ts';
import { orderHandover } from '../shared/case-deadlines.ts';
import { withStep, type Log } from '../shared/logger.ts';
import { stepCancelled } from '../shared/step-events.ts';
import { cancelActiveSteps, disarmCaseDeadlines } from './close-steps.ts';
import { endWait } from './end-wait.ts';
import { OrderAlreadyHandedOver, OrderNotFound } from './errors.ts';
import { lifecycleExecutionArn, lifecycleWorkflowId } from './workflow-ids.ts';

export interface CaseActionDeps {
  repository: CaseRepository;
  events: EventPublisher;
  timers: TimerScheduler;
  workflows: WorkflowGateway;
  clock: Clock;
  log: Log;
}

type Action<K extends CaseActionRequest['action']> = Extract<CaseActionRequest, { action: K }>;

export function createCaseAction(deps: CaseActionDeps): (request: CaseActionRequest) => Promise<CaseActionResult> {
  const now = (): string => toInstant(deps.clock.now());

  /** Closes the case and its remaining steps; a repeat of the same close is not an error. Returns the events to emit. */
  async function close(record: CaseRecord, status: Exclude<CaseStatus, 'open'>, reason: string | undefined): Promise<DomainEvent[]> {
    const at = now();
    const view = await deps.repository.getCase(record.id);
    const cancelled = await cancelActiveSteps(deps, view.steps, { at, by: 'case-action', reason: reason ?? status });
    await disarmCaseDeadlines(deps, record.id);
    let closed: CaseRecord;
    try {
      closed = await deps.repository.closeCase({ caseId: record.id, status, at });
    } catch (error) {
      if (error instanceof CaseClosed && error.current === status) return cancelled.map((s) => stepCancelled(s, reason ?? status));
      throw error;
    }
    await deps.repository.appendTimeline(record.id, { id: 'case.closed', at, kind: 'case.closed', detail: { status, ...(reason !== undefined ? { reason } : {}) } });
    return [
      ...cancelled.map((s) => stepCancelled(s, reason ?? status)),
      domainEvent(DetailType.CaseClosed, { caseId: record.id, caseType: record.type, status, closedAt: closed.closedAt ?? at, ...(reason !== undefined ? { reason } : {}) }, at),
    ];
  }

  async function closeCase(request: Action<'close-case'>): Promise<CaseActionResult> {
    const view = await deps.repository.getCase(request.caseId);
    await deps.events.publish(await close(view.case, request.status, request.reason));
    return { ok: true };
  }

  async function cancelOrder(request: Action<'cancel-order'>): Promise<CaseActionResult> {
    const order = await deps.repository.findCaseByOrderId(request.orderId, 'order');
    if (!order) throw new OrderNotFound(request.orderId);
    const view = await deps.repository.getCase(order.id);
    const pickup = view.steps.find((s) => s.step === orderHandover.keptBy && s.status === StepStatus.completed);
    if (pickup) throw new OrderAlreadyHandedOver(request.orderId, pickup.completedAt);
    // Dispatched (carrier and tracking number entered) but not picked up: the parcel sits at the pickup point.
    const parcelToRetrieve = view.steps.some((s) => s.step === 'order.dispatch' && s.status === StepStatus.completed);
    // Refunds only for money received: "(如果付款)即时返款" (seed §3.2, service-standards §4).
    const paid = isOrderPaid(view);
    if (order.status === 'cancelled') return { ok: true, caseId: order.id, parcelToRetrieve, paid }; // a repeat
    await deps.workflows.stop(lifecycleExecutionArn(deps.workflows, order), `cancelled by case ${request.caseId}`);
    const events = await close(order, 'cancelled', `cancelled by case ${request.caseId}`);
    const at = now();
    await deps.repository.appendTimeline(request.caseId, { id: `order.cancelled#${order.id}`, at, kind: 'order.cancelled', detail: { orderCaseId: order.id } });
    await deps.events.publish(events);
    deps.log.info('order cancelled', { orderCaseId: order.id, paid });
    return { ok: true, caseId: order.id, parcelToRetrieve, paid };
  }

  async function refundCancelledOrder(request: Action<'refund-cancelled-order'>): Promise<CaseActionResult> {
    const order = await deps.repository.getCase(request.caseId);
    if (!isOrderPaid(order)) return { ok: true, paid: false };
    const { data } = order.case;
    const opened = await openLinkedCase({
      action: 'open-linked-case',
      caseId: order.case.id,
      type: 'cancellation',
      relation: 'gave-rise',
      data: {
        ...(order.case.orderId !== undefined ? { orderId: order.case.orderId } : {}),
        orderCaseId: order.case.id,
        reason: 'cancelled at order review',
        cancelledBy: 'order.review',
        paid: true,
        paymentChannel: data.paymentChannel ?? null,
        customer: data.customer ?? null,
        items: data.items ?? [],
      },
    });
    return { ...opened, paid: true };
  }

  async function openLinkedCase(request: Action<'open-linked-case'>): Promise<CaseActionResult> {
    const source = (await deps.repository.getCase(request.caseId)).case;
    const id = `${request.type}-of-${source.id}`;
    const at = now();
    const orderId = typeof request.data.orderId === 'string' ? request.data.orderId : source.orderId;
    const { case: opened, created } = await deps.repository.createCase({ id, type: request.type, ...(orderId !== undefined ? { orderId } : {}), openedAt: at, data: request.data });
    await deps.repository.linkCases({ caseId: source.id, otherCaseId: id, relation: request.relation, at });
    const input: LifecycleInput = { caseId: id, caseType: request.type, ...(orderId !== undefined ? { orderId } : {}), data: request.data, timings: {} };
    await deps.workflows.start(lifecycleWorkflowId(request.type), id, input);
    if (created) {
      await deps.events.publish([
        domainEvent(DetailType.CaseOpened, { caseId: id, caseType: request.type, ...(orderId !== undefined ? { orderId } : {}), openedAt: opened.openedAt }, at),
        domainEvent(DetailType.CaseLinked, { caseId: source.id, otherCaseId: id, otherCaseType: request.type, relation: request.relation, linkedAt: at }, at),
      ]);
    }
    return { ok: true, caseId: id };
  }

  async function notifyRefund(request: Action<'notify-refund'>): Promise<CaseActionResult> {
    const at = now();
    await deps.repository.appendTimeline(request.caseId, { id: 'refund.requested', at, kind: 'refund.requested', detail: { channel: request.channel } });
    await deps.events.publish([domainEvent(DetailType.RefundRequested, { caseId: request.caseId, channel: request.channel, requestedAt: at }, at)]);
    return { ok: true };
  }

  async function withdrawRefund(request: Action<'withdraw-refund'>): Promise<CaseActionResult> {
    const at = now();
    const detail = { channel: request.channel, reason: request.reason };
    await deps.repository.appendTimeline(request.caseId, { id: 'refund.withdrawn', at, kind: 'refund.withdrawn', detail });
    await deps.events.publish([domainEvent(DetailType.CaseFactRecorded, { caseId: request.caseId, event: 'RefundWithdrawn', recordedAt: at, detail }, at)]);
    return { ok: true };
  }

  async function record(request: Action<'record'>): Promise<CaseActionResult> {
    const at = now();
    const detail = request.detail ?? {};
    await deps.repository.appendTimeline(request.caseId, { id: `record#${request.event}`, at, kind: 'record', detail: { event: request.event, ...detail } });
    await deps.events.publish([domainEvent(DetailType.CaseFactRecorded, { caseId: request.caseId, event: request.event, recordedAt: at, detail }, at)]);
    return { ok: true };
  }

  return async (request) => {
    withStep(deps.log, { caseId: request.caseId });
    switch (request.action) {
      case 'close-case':
        return closeCase(request);
      case 'cancel-order':
        return cancelOrder(request);
      case 'open-linked-case':
        return openLinkedCase(request);
      case 'refund-cancelled-order':
        return refundCancelledOrder(request);
      case 'notify-refund':
        return notifyRefund(request);
      case 'withdraw-refund':
        return withdrawRefund(request);
      case 'record':
        return record(request);
      case 'end-wait':
        await endWait(deps, request);
        return { ok: true };
    }
  };
}
