/**
 * `POST /webhooks/storefront`: check the body's size (413) and media type (415), verify the
 * signature over the raw body (401; its freshness against the real clock, so a `npm start --time`
 * rehearsal still accepts a storefront signing with real time), parse and validate the event
 * (400), then apply it exactly once per event id — a redelivery (same id, same body) replays the
 * first answer and changes nothing; the same id with another body is 409 `EventIdReused`. A
 * refused event (4xx) or a failure leaves nothing written, so the storefront's retry is processed afresh.
 * The in-flight lease is on the real (transport) clock too.
 *
 * With a `queue`, an `order.placed` (queued.ts) is acknowledged once durably stored: one
 * conditional write records it `queued` with its answer, the event is sent to the queue, and the
 * 202 goes out; the storefront-apply function applies it. A redelivery finding it `queued` sends
 * it again (the consumer is idempotent) and replays the answer, so a crash between the record and
 * the send loses nothing: the storefront, answered nothing, retries. The placement is also marked
 * pending (pending-placements.ts): an `order.paid` or `order.cancel-requested` that finds no case
 * while its placement waits in the queue is queued behind it rather than refused 404.
 */
import { createHash } from 'node:crypto';
import { toInstant } from '../../core/cases/instant.ts';
import { PayloadTooLarge } from '../../core/json/errors.ts';
import { STOREFRONT_LIMITS } from '../../core/storefront/limits.ts';
import type { Clock } from '../../core/time/clock.ts';
import { checkBusinessTimes } from '../../core/storefront/business-times.ts';
import { parseStorefrontBody } from '../../core/storefront/parse.ts';
import { verifyStorefrontSignature } from '../../core/storefront/signature.ts';
import { jsonResponse, type HttpResponse } from '../http/response.ts';
import { withStep } from '../shared/logger.ts';
import type { EffectDeps } from './deps.ts';
import { chatEvent, isChatEvent } from './effects/chat.ts';
import { applyEvent } from './effects/index.ts';
import { requireJsonMediaType } from '../http/media-type.ts';
import { DeliveryInProgress, EventIdReused } from './errors.ts';
import type { IdempotencyStore, StoredResponse } from './idempotency.ts';
import { followerCaseId, queuedCaseId, type EventQueue } from './queued.ts';
import type { PendingPlacements } from './pending-placements.ts';
import { OrderNotFound } from '../case-action/errors.ts';
import type { StorefrontEvent } from '../../core/storefront/events.ts';

export interface IngestDeps extends EffectDeps {
  idempotency: IdempotencyStore;
  /** The shared secret of the signature (read once per cold start by the handler). */
  secret: () => Promise<string>;
  /** The real clock the signature's freshness window is checked against; absent: `clock`. */
  transportClock?: Clock;
  /** The queue `order.placed` is acknowledged into; absent: every event is applied before the answer. */
  queue?: EventQueue;
  /** The placements still queued (with `queue`): events about them are queued behind them. */
  pendingPlacements?: PendingPlacements;
}

export interface IngestOptions {
  /** How long a delivery may hold an event id before another may take it over. */
  leaseMs?: number;
  /** How long answers are kept for redeliveries (longer than the storefront's retry horizon). */
  retentionMs?: number;
  toleranceSeconds?: number;
}

export interface WebhookRequest {
  signature: string | undefined;
  /** The `Content-Type` header: the body must be `application/json`. */
  contentType: string | undefined;
  body: Buffer;
}

const DEFAULT_LEASE_MS = 60_000;
export const DEFAULT_RETENTION_MS = 7 * 86_400_000;
/** A concurrent delivery usually answers within a second or two; the storefront then gets the replay. */
const RETRY_AFTER_SECONDS = 2;

export function createIngest(deps: IngestDeps, options: IngestOptions = {}): (request: WebhookRequest) => Promise<HttpResponse> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  return async (request) => {
    if (request.body.length > STOREFRONT_LIMITS.maxBodyBytes) throw new PayloadTooLarge(request.body.length, STOREFRONT_LIMITS.maxBodyBytes);
    requireJsonMediaType(request.contentType);
    verifyStorefrontSignature({ header: request.signature, body: request.body, secret: await deps.secret(), now: (deps.transportClock ?? deps.clock).now(), toleranceSeconds: options.toleranceSeconds });
    const event = parseStorefrontBody(request.body.toString('utf8'));
    checkBusinessTimes(event, deps.clock.now(), deps.caseRules.businessTime);
    deps.log.appendKeys({ eventId: event.id, eventType: event.type });
    if (isChatEvent(event)) return jsonResponse(202, await chatEvent(deps, event));

    const now = deps.clock.now();
    const payloadHash = createHash('sha256').update(request.body).digest('hex');
    // A lease is about the transport (how long a delivery may be in flight), not the business day:
    // on the real clock, so that a business clock set back (`npm start --time`) strands no delivery.
    const leaseNow = (deps.transportClock ?? deps.clock).now();
    const caseId = deps.queue && queuedCaseId(event);
    const queueIt = (answerCaseId: string): Promise<HttpResponse> => enqueue(deps, { event, body: request.body, payloadHash, caseId: answerCaseId, now, leaseNow, retentionMs });
    if (caseId !== undefined) return queueIt(caseId);
    const claim = await deps.idempotency.claim(event.id, payloadHash, leaseNow, leaseNow + leaseMs);
    // Queued behind its placement by an earlier delivery, whose send may never have happened: send it again.
    const follower = claim.kind === 'queued' && deps.queue ? followerCaseId(event) : undefined;
    if (follower !== undefined) return queueIt(follower.answer);
    if (claim.kind === 'completed' || claim.kind === 'queued') return replay(deps, claim.response);
    if (claim.kind === 'reused') throw new EventIdReused(event.id);
    if (claim.kind === 'in-progress') throw new DeliveryInProgress(event.id, RETRY_AFTER_SECONDS);

    try {
      const accepted = await applyEvent(deps, event);
      if (accepted.caseId !== null) withStep(deps.log, { caseId: accepted.caseId });
      const response = jsonResponse(202, { caseId: accepted.caseId, status: 'accepted', ...accepted.detail });
      await deps.idempotency.complete(event.id, payloadHash, { statusCode: response.statusCode, body: response.body }, deps.clock.now() + retentionMs);
      deps.log.info('storefront event accepted', { caseId: accepted.caseId, at: toInstant(now) });
      return response;
    } catch (error) {
      await deps.idempotency.release(event.id);
      // No case yet, because its placement still waits in the queue: this event waits behind it.
      const behind = error instanceof OrderNotFound ? await followsPendingPlacement(deps, event) : undefined;
      if (behind !== undefined) return queueIt(behind);
      throw error;
    }
  };
}

/** The answer's case id when `event` is about an order whose placement is still queued; else undefined. */
async function followsPendingPlacement(deps: IngestDeps, event: StorefrontEvent): Promise<string | undefined> {
  const follower = deps.queue && deps.pendingPlacements ? followerCaseId(event) : undefined;
  if (follower === undefined || !(await deps.pendingPlacements!.isPending(follower.orderCaseId))) return undefined;
  return follower.answer;
}

interface Enqueued {
  event: StorefrontEvent;
  body: Buffer;
  payloadHash: string;
  /** The case id the 202 names. */
  caseId: string;
  now: number;
  leaseNow: number;
  retentionMs: number;
}

/**
 * Records the event `queued` with its answer (one conditional write), marks a placement pending,
 * sends the event to the queue and answers 202; a redelivery finding it queued sends it again.
 */
async function enqueue(deps: IngestDeps, { event, body, payloadHash, caseId, now, leaseNow, retentionMs }: Enqueued): Promise<HttpResponse> {
  const queue = deps.queue!;
  const response = jsonResponse(202, { caseId, status: 'accepted' });
  const stored: StoredResponse = { statusCode: response.statusCode, body: response.body };
  const accepted = await deps.idempotency.accept(event.id, payloadHash, stored, leaseNow, deps.clock.now() + retentionMs);
  if (accepted.kind === 'reused') throw new EventIdReused(event.id);
  if (accepted.kind === 'in-progress') throw new DeliveryInProgress(event.id, RETRY_AFTER_SECONDS);
  if (accepted.kind === 'completed') return replay(deps, accepted.response);
  // Marked before the answer: an order.paid right behind it then finds the placement pending.
  if (event.type === 'order.placed') await deps.pendingPlacements?.mark(caseId, deps.clock.now() + retentionMs);
  // Written now, or queued by an earlier delivery whose send may never have happened: send (again).
  const answer = accepted.kind === 'queued' ? accepted.response : stored;
  await queue.send({ eventId: event.id, payloadHash, response: answer, event: body.toString('utf8') });
  withStep(deps.log, { caseId });
  if (accepted.kind === 'queued') return replay(deps, accepted.response);
  deps.log.info('storefront event queued', { caseId, at: toInstant(now) });
  return response;
}

/** A redelivery's answer: the first one, unchanged, marked replayed. */
function replay(deps: IngestDeps, response: StoredResponse): HttpResponse {
  deps.log.info('redelivery: replaying the first answer', { statusCode: response.statusCode });
  return { statusCode: response.statusCode, headers: { 'content-type': 'application/json; charset=utf-8', 'idempotent-replayed': 'true' }, body: response.body };
}
