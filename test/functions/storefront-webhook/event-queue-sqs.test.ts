import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { SqsEventQueue } from '../../../functions/storefront-webhook/event-queue-sqs.ts';
import type { QueuedEvent } from '../../../functions/storefront-webhook/queued.ts';
import { createSqsLocal, type SqsLocal } from '../../../local/sqs/sqs-local.ts';

let sqs: SqsLocal | undefined;
let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  sqs?.close();
});

/** The SQS emulator over HTTP, a queue no consumer reads (its messages stay), and the requests it was sent. */
async function emulator(attributes: Record<string, string> = {}) {
  const actions: string[] = [];
  sqs = createSqsLocal({ data: ':memory:', clock: new VirtualClock('2026-11-11T00:00:00+08:00'), region: 'us-east-1', accountId: '000000000000', baseUrl: () => url, invoke: () => Promise.resolve({}) });
  server = createServer((req, res) => {
    actions.push(String(req.headers['x-amz-target']));
    sqs!.listener(req, res);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const queueUrl = ((await sqs.request('CreateQueue', { QueueName: 'storefront-events', Attributes: attributes })).body as { QueueUrl: string }).QueueUrl;
  const client = new SQSClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  return { queue: new SqsEventQueue({ client, queueUrl: () => queueUrl }), actions, sqs };
}

const message = (n: number, pad = ''): QueuedEvent => ({ eventId: `evt-${n}`, payloadHash: 'h', response: { statusCode: 202, body: '{}' }, event: `{"n":${n},"pad":"${pad}"}` });

describe('SqsEventQueue', () => {
  it('sends the events queued in one turn as batches of at most 10, each send resolving once its message is stored', async () => {
    const { queue, actions, sqs: q } = await emulator();
    await Promise.all(Array.from({ length: 12 }, (_, n) => queue.send(message(n))));

    expect(actions).toEqual(['AmazonSQS.SendMessageBatch', 'AmazonSQS.SendMessageBatch']);
    expect(q.pendingMessages()).toBe(12);
  });

  it('rejects only the send whose entry the batch refused', async () => {
    const { queue, sqs: q } = await emulator({ MaximumMessageSize: '1024' });
    const results = await Promise.allSettled([queue.send(message(1)), queue.send(message(2, 'x'.repeat(2000))), queue.send(message(3))]);

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(q.pendingMessages()).toBe(2);
  });
});
