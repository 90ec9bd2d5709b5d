/**
 * What one order costs DynamoDB (issue 15): the requests the webhook and the opening of its review
 * send, counted in the SDK on the real table. bench:ingest measures the same at the edge port.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenStep } from '../../../functions/open-step/open-step.ts';
import { useIngestDependencies } from '../../../functions/storefront-webhook/handler.ts';
import { uniqueId, useHarness } from '../harness.ts';
import { orderPlacedEvent, webhookRig } from './support.ts';

const COUNTER = 'count-dynamodb-requests';

describe('the DynamoDB requests of one order', () => {
  const { fresh, table } = useHarness();
  const sent: string[] = [];

  afterEach(() => {
    useIngestDependencies(undefined);
    table().client.middlewareStack.remove(COUNTER);
  });

  function countRequests(): void {
    table().client.middlewareStack.add(
      (next, context) => (args) => {
        sent.push(String(context.commandName).replace(/Command$/, ''));
        return next(args);
      },
      { step: 'initialize', name: COUNTER },
    );
  }

  /** The requests sent by `work`, in order. */
  async function requestsOf(work: () => Promise<unknown>): Promise<string[]> {
    sent.length = 0;
    await work();
    return [...sent];
  }

  it('are 3 writes in the webhook and 2 in the review\'s opening, with no read', async () => {
    const rig = webhookRig(fresh('2025-03-03T10:00:00+08:00'), table());
    countRequests();
    const orderId = uniqueId('o');

    const webhook = await requestsOf(async () => expect((await rig.deliver(orderPlacedEvent(orderId, { placedAt: '2025-03-03T10:00:00+08:00' }))).statusCode).toBe(202));
    const review = await requestsOf(() => createOpenStep(rig)({ caseId: `order-${orderId}`, caseType: 'order', step: 'order.review', taskToken: 'tok-1' }));

    // Idempotency claim; the case with its case.opened entry; the idempotency answer.
    expect(webhook).toEqual(['PutItem', 'TransactWriteItems', 'PutItem']);
    // The step with its step.opened entry and the handover deadline; StepOpened's stamp.
    expect(review).toEqual(['TransactWriteItems', 'UpdateItem']);
    const view = await rig.repository.getCase(`order-${orderId}`);
    expect(view.timeline.map((e) => e.kind)).toEqual(['case.opened', 'step.opened']);
    expect(view.steps.map((s) => [s.step, s.announcedAt !== undefined])).toEqual([['order.review', true]]);
    expect(await rig.repository.getCaseDeadline(`order-${orderId}`, 'order.handover')).toMatchObject({ startedAt: '2025-03-03T02:00:00.000Z' });
  });
});
