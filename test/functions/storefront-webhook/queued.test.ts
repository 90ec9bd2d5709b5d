import { GetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import type { LifecycleInput } from '../../../core/lifecycles/contracts.ts';
import { handler as applyHandler } from '../../../functions/storefront-apply/handler.ts';
import { useIngestDependencies } from '../../../functions/storefront-webhook/handler.ts';
import type { EventQueue, QueuedEvent } from '../../../functions/storefront-webhook/queued.ts';
import { orderTimings } from '../../../functions/storefront-webhook/timings.ts';
import { loadCaseRules } from '../../../functions/storefront-webhook/case-rules.ts';
import { bodyOf, lambdaContext } from '../http/api-support.ts';
import { uniqueId, useHarness } from '../harness.ts';
import { event, orderPlacedEvent, PARTITION, webhookRig, type WebhookRig } from './support.ts';
import { DynamoDbPendingPlacements } from '../../../functions/storefront-webhook/pending-placements-dynamodb.ts';
import { requestCaseId } from '../../../functions/storefront-webhook/case-ids.ts';

// Monday 2025-03-03, 10:00 Shanghai: on duty, so the review's 30 business minutes count at once.
const PLACED = '2025-03-03T10:00:00+08:00';
const NOW = '2025-03-03T10:00:02+08:00';

/**
 * The storefront-events queue as the webhook sees it: SendMessage stores a message or fails.
 * `failNext` fails the next send, as an SQS outage (or a crash right after the record) would.
 */
class RecordingQueue implements EventQueue {
  readonly sent: QueuedEvent[] = [];
  failNext = false;

  send(message: QueuedEvent): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(Object.assign(new Error('SQS unavailable'), { name: 'ServiceUnavailable' }));
    }
    this.sent.push(structuredClone(message));
    return Promise.resolve();
  }
}

/** The messages as the event source mapping hands them to storefront-apply (one record each). */
async function consume(messages: readonly QueuedEvent[]): Promise<unknown> {
  const event: SQSEvent = {
    Records: messages.map((m, i) => ({
      messageId: `m-${i}`,
      receiptHandle: `m-${i}#1`,
      body: JSON.stringify(m),
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: '000000000000', ApproximateFirstReceiveTimestamp: '0' },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:storefront-events',
      awsRegion: 'us-east-1',
    })),
  };
  return applyHandler(event, lambdaContext);
}

describe('POST /webhooks/storefront acknowledges order.placed once stored and applies it behind the queue', () => {
  const { fresh, table } = useHarness();
  afterEach(() => useIngestDependencies(undefined));

  function rig(): { rig: WebhookRig; queue: RecordingQueue; record: (eventId: string) => Promise<Record<string, unknown> | undefined> } {
    const queue = new RecordingQueue();
    const db = DynamoDBDocumentClient.from(table().client);
    return {
      rig: webhookRig(fresh(NOW), table(), { queue, pendingPlacements: new DynamoDbPendingPlacements({ client: table().client, tableName: table().tableName }) }),
      queue,
      record: async (eventId) => (await db.send(new GetCommand({ TableName: table().tableName, Key: { pk: PARTITION, sk: eventId }, ConsistentRead: true }))).Item,
    };
  }

  it('answers 202 with the case id before the case exists: one queued record and one message, nothing applied yet', async () => {
    const { rig: r, queue, record } = rig();
    const orderId = uniqueId('o');
    const placed = orderPlacedEvent(orderId, { placedAt: PLACED });
    const response = await r.deliver(placed);

    expect(response.statusCode).toBe(202);
    expect(bodyOf(response)).toEqual({ caseId: `order-${orderId}`, status: 'accepted' });
    expect(await record(placed.id)).toMatchObject({ status: 'queued', response: { statusCode: 202, body: response.body } });
    expect(queue.sent).toHaveLength(1);
    expect(JSON.parse(queue.sent[0]!.event)).toEqual(placed);
    await expect(r.repository.getCase(`order-${orderId}`)).rejects.toThrow();
    expect(r.workflows.started).toHaveLength(0);
  });

  it('answers a redelivery while queued with the same answer and sends the event again; once applied, replays it without sending', async () => {
    const { rig: r, queue, record } = rig();
    const orderId = uniqueId('o');
    const placed = orderPlacedEvent(orderId, { placedAt: PLACED });
    const first = await r.deliver(placed);
    const again = await r.deliver(placed);

    expect(again.statusCode).toBe(first.statusCode);
    expect(again.body).toBe(first.body);
    expect(again.headers?.['idempotent-replayed']).toBe('true');
    expect(queue.sent).toHaveLength(2);

    await consume(queue.sent.slice(0, 1));
    expect(await record(placed.id)).toMatchObject({ status: 'completed', response: { statusCode: 202, body: first.body } });
    const afterApplied = await r.deliver(placed);
    expect(afterApplied.statusCode).toBe(202);
    expect(afterApplied.body).toBe(first.body);
    expect(queue.sent).toHaveLength(2);
  });

  it('applies a message delivered twice (or re-sent by a redelivery) once: one case, one case.opened, one execution', async () => {
    const { rig: r, queue } = rig();
    const orderId = uniqueId('o');
    const placed = orderPlacedEvent(orderId, { placedAt: PLACED });
    await r.deliver(placed);
    await r.deliver(placed);

    // Both copies in one batch (concurrently), then the first again (SQS delivers at least once).
    expect(await consume(queue.sent)).toEqual({ batchItemFailures: [] });
    expect(await consume(queue.sent.slice(0, 1))).toEqual({ batchItemFailures: [] });

    const stored = await r.repository.getCase(`order-${orderId}`);
    expect(stored.case).toMatchObject({ type: 'order', status: 'open', orderId });
    expect(stored.timeline.filter((e) => e.kind === 'case.opened')).toHaveLength(1);
    expect(r.events.published.filter((e) => e.detailType === 'CaseOpened')).toHaveLength(1);
    expect(r.workflows.started).toHaveLength(1);
  });

  it('answers the same id with another body 409 EventIdReused, sending nothing and leaving the record as it was', async () => {
    const { rig: r, queue, record } = rig();
    const orderId = uniqueId('o');
    const placed = orderPlacedEvent(orderId, { placedAt: PLACED });
    await r.deliver(placed);
    const before = await record(placed.id);
    const reused = await r.deliver({ ...placed, data: { ...placed.data, address: 'Beijing' } });

    expect(reused.statusCode).toBe(409);
    expect(bodyOf(reused)).toMatchObject({ error: { code: 'EventIdReused' } });
    expect(queue.sent).toHaveLength(1);
    expect(await record(placed.id)).toEqual(before);
  });

  it('writes and sends nothing for a refused order.placed (bad signature, invalid event, placedAt in the future)', async () => {
    const { rig: r, queue } = rig();
    const orderId = uniqueId('o');
    const placed = orderPlacedEvent(orderId, { placedAt: PLACED });
    const answers = [
      await r.deliver(placed, { signature: 't=1,v1=00' }),
      await r.deliver({ ...placed, data: { ...placed.data, orderId: '' } }),
      await r.deliver({ ...placed, data: { ...placed.data, placedAt: '2025-03-04T10:00:00+08:00' } }),
    ];

    expect(answers.map((a) => a.statusCode)).toEqual([401, 400, 400]);
    expect(await r.recorded(placed.id)).toBe(false);
    expect(queue.sent).toHaveLength(0);
  });

  it('loses nothing when the send fails after the record: the storefront, answered 5xx, retries and the retry sends it', async () => {
    const { rig: r, queue, record } = rig();
    const orderId = uniqueId('o');
    const placed = orderPlacedEvent(orderId, { placedAt: PLACED });
    queue.failNext = true;
    const failed = await r.deliver(placed);
    expect(failed.statusCode).toBeGreaterThanOrEqual(500);
    expect(await record(placed.id)).toMatchObject({ status: 'queued' });
    expect(queue.sent).toHaveLength(0);

    const retried = await r.deliver(placed);
    expect(retried.statusCode).toBe(202);
    expect(bodyOf(retried)).toEqual({ caseId: `order-${orderId}`, status: 'accepted' });
    expect(queue.sent).toHaveLength(1);
  });

  it('queues an order.paid that arrives while its order.placed still waits in the queue, naming the order\'s case, and applies it after the placement', async () => {
    const { rig: r, queue, record } = rig();
    const orderId = uniqueId('o');
    await r.deliver(orderPlacedEvent(orderId, { placedAt: PLACED, paid: false }));
    const paid = event('order.paid', { orderId, paidAt: NOW });
    const answer = await r.deliver(paid);

    // Refused 404 OrderNotFound before: a storefront treating a 4xx as final would lose the payment.
    expect(answer.statusCode).toBe(202);
    expect(bodyOf(answer)).toEqual({ caseId: `order-${orderId}`, status: 'accepted' });
    expect(await record(paid.id)).toMatchObject({ status: 'queued' });
    expect(queue.sent.map((m) => (JSON.parse(m.event) as { type: string }).type)).toEqual(['order.placed', 'order.paid']);

    // Delivered again before the drain (its first send may never have happened): the same answer, sent again.
    const again = await r.deliver(paid);
    expect([again.statusCode, again.body, again.headers?.['idempotent-replayed']]).toEqual([202, answer.body, 'true']);
    expect(queue.sent).toHaveLength(3);
    queue.sent.pop();

    // Drained out of order (concurrent consumers): the payment fails its receive (received again after the visibility timeout), then applies.
    await expect(consume(queue.sent.slice(1))).rejects.toThrow(/All records failed/);
    expect(await consume(queue.sent.slice(0, 1))).toEqual({ batchItemFailures: [] });
    expect(await consume(queue.sent.slice(1))).toEqual({ batchItemFailures: [] });
    const stored = await r.repository.getCase(`order-${orderId}`);
    expect(stored.timeline.find((e) => e.kind === 'order.paid')?.detail).toMatchObject({ eventId: paid.id, paidAt: new Date(NOW).toISOString() });
    expect(await record(paid.id)).toMatchObject({ status: 'completed' });
  });

  it('queues an order.cancel-requested behind its queued placement, naming the cancellation case it opens', async () => {
    const { rig: r, queue } = rig();
    const orderId = uniqueId('o');
    await r.deliver(orderPlacedEvent(orderId, { placedAt: PLACED }));
    const cancel = event('order.cancel-requested', { orderId, reason: '拍错了 wrong size' });
    const answer = await r.deliver(cancel);

    expect(answer.statusCode).toBe(202);
    expect(bodyOf(answer)).toEqual({ caseId: requestCaseId('cancellation', orderId, cancel.id), status: 'accepted' });
    expect(await consume(queue.sent.slice(0, 1))).toEqual({ batchItemFailures: [] });
    expect(await consume(queue.sent.slice(1))).toEqual({ batchItemFailures: [] });
    expect((await r.repository.getCase(requestCaseId('cancellation', orderId, cancel.id))).case).toMatchObject({ type: 'cancellation', orderId });
  });

  it('still refuses an order.paid about an order never placed with 404 OrderNotFound, queueing and writing nothing', async () => {
    const { rig: r, queue } = rig();
    const paid = event('order.paid', { orderId: uniqueId('never'), paidAt: NOW });
    const answer = await r.deliver(paid);

    expect(answer.statusCode).toBe(404);
    expect(bodyOf(answer)).toMatchObject({ error: { code: 'OrderNotFound' } });
    expect(queue.sent).toHaveLength(0);
    expect(await r.recorded(paid.id)).toBe(false);
  });

  it('starts a lifecycle drained three hours late with the timings of the order placed at placedAt, not of the drain', async () => {
    const { rig: r, queue } = rig();
    const orderId = uniqueId('o');
    await r.deliver(orderPlacedEvent(orderId, { placedAt: PLACED, paid: false }));
    await r.clock.advance(3 * 3_600_000);
    await consume(queue.sent);

    const input = r.workflows.started[0]?.input as LifecycleInput;
    // service-standards.md §2: "review is due 30 min after the order was placed" — the order workflow's
    // review counts from data.placedAt (workflows/order.asl.json, reviewFrom), which the input carries unchanged.
    expect(input.data).toMatchObject({ placedAt: PLACED });
    expect(input.timings).toEqual(orderTimings(PLACED, loadCaseRules(), r.policy));
    const stored = await r.repository.getCase(`order-${orderId}`);
    expect(stored.case.openedAt).toBe(new Date(PLACED).toISOString());
  });
});
