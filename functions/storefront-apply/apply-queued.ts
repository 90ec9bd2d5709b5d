/**
 * Applies one queued storefront event (functions/storefront-webhook/queued.ts): the webhook has
 * validated it, recorded it `queued` and answered 202. Safe to run again (SQS delivers at least
 * once; the webhook re-sends on a redelivery): the case id is derived from the order id, a repeat
 * finds the stored case, and the lifecycle's start with the same name and input is answered with
 * the running execution (open-case.ts). Once applied, the idempotency record becomes `completed`
 * with the answer already given, so later redeliveries replay it without sending again.
 */
import { parseStorefrontBody } from '../../core/storefront/parse.ts';
import { withStep } from '../shared/logger.ts';
import { applyEvent } from '../storefront-webhook/effects/index.ts';
import { DEFAULT_RETENTION_MS, type IngestDeps } from '../storefront-webhook/ingest.ts';
import type { QueuedEvent } from '../storefront-webhook/queued.ts';

export async function applyQueued(deps: IngestDeps, message: string): Promise<void> {
  const queued = JSON.parse(message) as QueuedEvent;
  // Validated before it was queued; parsed again for its typed form (and so that a foreign message fails here, to the DLQ).
  const event = parseStorefrontBody(queued.event);
  deps.log.appendKeys({ eventId: event.id, eventType: event.type });
  const accepted = await applyEvent(deps, event);
  if (accepted.caseId !== null) withStep(deps.log, { caseId: accepted.caseId });
  await deps.idempotency.complete(queued.eventId, queued.payloadHash, queued.response, deps.clock.now() + DEFAULT_RETENTION_MS);
  deps.log.info('queued storefront event applied', { caseId: accepted.caseId });
}
