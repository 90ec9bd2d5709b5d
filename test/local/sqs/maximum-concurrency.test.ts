import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { createSqsLocal, type SqsEvent, type SqsLocal } from '../../../local/sqs/sqs-local.ts';

let sqs: SqsLocal | undefined;
afterEach(() => {
  sqs?.close();
  sqs = undefined;
});

const FN = 'arn:aws:lambda:us-east-1:123456789012:function:storefront-apply';

/** The emulator with a consumer that holds each invocation until the test lets it answer. */
async function held(maximumConcurrency: number | undefined) {
  const clock = new VirtualClock('2026-11-11T00:00:00+08:00');
  const holds: (() => void)[] = [];
  const received: number[] = [];
  let running = 0;
  let peak = 0;
  sqs = createSqsLocal({
    data: ':memory:',
    clock,
    region: 'us-east-1',
    accountId: '123456789012',
    baseUrl: () => 'http://127.0.0.1:4566',
    invoke: (_arn, event: SqsEvent) => {
      running++;
      peak = Math.max(peak, running);
      return new Promise((resolve) =>
        holds.push(() => {
          running--;
          received.push((JSON.parse(event.Records[0]!.body) as { n: number }).n);
          resolve({ batchItemFailures: [] });
        }),
      );
    },
  });
  const queueUrl = ((await sqs.request('CreateQueue', { QueueName: 'storefront-events' })).body as { QueueUrl: string }).QueueUrl;
  sqs.subscribe('storefront-events', FN, maximumConcurrency === undefined ? undefined : { maximumConcurrency });
  sqs.start();
  for (let n = 0; n < 10; n++) expect((await sqs.request('SendMessage', { QueueUrl: queueUrl, MessageBody: JSON.stringify({ n }) })).status).toBe(200);
  await clock.advance(0);
  return { holds, received, peak: () => peak, sqs };
}

/** Lets every held invocation answer, round after round, until the queue is empty. */
async function release(rig: Awaited<ReturnType<typeof held>>): Promise<void> {
  for (let round = 0; rig.sqs.pendingMessages() > 0 && round < 100; round++) {
    for (const answer of rig.holds.splice(0)) answer();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('The SQS emulator’s event source mapping with ScalingConfig.MaximumConcurrency', () => {
  it('invokes the consumer at most MaximumConcurrency times at once, and delivers every message in the end', async () => {
    const rig = await held(2);
    expect(rig.holds).toHaveLength(2);
    await release(rig);
    expect(rig.peak()).toBe(2);
    expect(rig.received.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('without it, invokes every due message at once', async () => {
    const rig = await held(undefined);
    expect(rig.holds).toHaveLength(10);
    await release(rig);
    expect(rig.received).toHaveLength(10);
  });
});
