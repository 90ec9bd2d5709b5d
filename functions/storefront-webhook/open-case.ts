/**
 * Opening a case for a storefront event and starting its lifecycle. Safe to repeat: the case id
 * is derived from the event, a repeat finds the stored case, and while it is open the workflow is
 * started again from the stored case — same name (the case id), same input, so Step Functions
 * answers with the execution already running (a retry after a crash before the start starts it).
 * The ARN is not written back: it is derived from the case id (`lifecycleExecutionArn`).
 */
import { CaseStatus, type CaseRecord, type CaseType, type LinkRelation } from '../../core/cases/case.ts';
import { toInstant } from '../../core/cases/instant.ts';
import type { LifecycleInput, LifecycleTimings } from '../../core/lifecycles/contracts.ts';
import { domainEvent } from '../../core/ports/event-schemas.ts';
import { DetailType, type DomainEvent } from '../../core/ports/events.ts';
import { lifecycleWorkflowId } from '../case-action/workflow-ids.ts';
import type { EffectDeps } from './deps.ts';

export interface OpenCase {
  id: string;
  type: CaseType;
  orderId?: string;
  openedAt: string;
  sourceEventId: string;
  data: Record<string, unknown>;
  /** Links the new case to another one (`relation` as seen from the new case). */
  link?: { caseId: string; relation: LinkRelation };
  /** The workflow's timings, from the stored case (so a repeat starts with the same input). */
  timings: (stored: CaseRecord) => LifecycleTimings;
}

export async function openCase(deps: EffectDeps, request: OpenCase): Promise<CaseRecord> {
  const now = toInstant(deps.clock.now());
  const { case: stored, created } = await deps.repository.createCase({
    id: request.id,
    type: request.type,
    ...(request.orderId !== undefined ? { orderId: request.orderId } : {}),
    openedAt: toInstant(request.openedAt),
    sourceEventId: request.sourceEventId,
    data: request.data,
    entry: { id: 'case.opened', at: now, kind: 'case.opened', by: 'storefront', detail: { eventId: request.sourceEventId } },
  });
  const events: DomainEvent[] = [];
  if (created) {
    events.push(
      domainEvent(DetailType.CaseOpened, { caseId: stored.id, caseType: stored.type, ...(stored.orderId !== undefined ? { orderId: stored.orderId } : {}), openedAt: stored.openedAt, sourceEventId: request.sourceEventId }, now),
    );
  }
  if (request.link) {
    await deps.repository.linkCases({ caseId: stored.id, otherCaseId: request.link.caseId, relation: request.link.relation, at: now });
    if (created) {
      const other = (await deps.repository.getCase(request.link.caseId)).case;
      events.push(domainEvent(DetailType.CaseLinked, { caseId: stored.id, otherCaseId: other.id, otherCaseType: other.type, relation: request.link.relation, linkedAt: now }, now));
    }
  }
  // A stored ARN (cases written before it was derived) was written after the start: it runs.
  if (stored.status === CaseStatus.open && stored.executionArn === undefined) {
    const input: LifecycleInput = {
      caseId: stored.id,
      caseType: stored.type,
      ...(stored.orderId !== undefined ? { orderId: stored.orderId } : {}),
      data: stored.data,
      timings: request.timings(stored),
    };
    try {
      await deps.workflows.start(lifecycleWorkflowId(stored.type), stored.id, input);
      deps.log.info('case opened and its lifecycle started', { caseId: stored.id, caseType: stored.type, created });
    } catch (error) {
      // For a stored case, an execution of its name is its lifecycle, started by an earlier delivery
      // whose input (timings from the policy then) may differ from today's: nothing to start.
      if (created || !(error instanceof Error) || error.name !== 'ExecutionAlreadyExists') throw error;
      deps.log.info('lifecycle already started by an earlier delivery', { caseId: stored.id });
    }
  }
  if (events.length) await deps.events.publish(events);
  return stored;
}
