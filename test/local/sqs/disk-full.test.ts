import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { createSqsLocal, type SqsEvent, type SqsLocal } from '../../../local/sqs/sqs-local.ts';
import { StorageHealth } from '../../../local/storage/storage-health.ts';
import { mountSmallFilesystem, type SmallFilesystem } from '../../support/small-filesystem.ts';

// A real full disk: the data directory is a 16 MiB tmpfs the test fills and frees.
let fs: SmallFilesystem | undefined;
let sqs: SqsLocal | undefined;
afterEach(() => {
  sqs?.close();
  sqs = undefined;
  fs?.unmount();
  fs = undefined;
});

const FN = 'arn:aws:lambda:us-east-1:123456789012:function:chat-timer';
const padding = 'x'.repeat(16 * 1024);

describe('The SQS emulator on a full disk', () => {
  it('reports the fault, refuses SendMessage with 503, invokes no message twice, and catches up when space returns', async () => {
    fs = mountSmallFilesystem(16);
    const clock = new VirtualClock('2026-11-29T02:00:00Z');
    const health = new StorageHealth(() => clock.now());
    const received: number[] = [];
    // The consumer holds each message until the test lets it answer, so the disk fills while they are in flight.
    const holds: (() => void)[] = [];
    sqs = createSqsLocal({
      data: fs.dir,
      clock,
      region: 'us-east-1',
      accountId: '123456789012',
      baseUrl: () => 'http://127.0.0.1:4566',
      health,
      invoke: (_arn, event: SqsEvent) =>
        new Promise((resolve) =>
          holds.push(() => {
            received.push((JSON.parse(event.Records[0]!.body) as { n: number }).n);
            resolve({ batchItemFailures: [] });
          }),
        ),
    });
    const created = await sqs.request('CreateQueue', { QueueName: 'chat-timers' });
    const queueUrl = (created.body as { QueueUrl: string }).QueueUrl;
    sqs.subscribe('chat-timers', FN);
    sqs.start();
    const send = (n: number) => sqs!.request('SendMessage', { QueueUrl: queueUrl, MessageBody: JSON.stringify({ n, padding }) });
    for (let n = 0; n < 100; n++) expect((await send(n)).status).toBe(200);
    await clock.advance(0);
    expect(holds).toHaveLength(100);

    fs.fill(['sqs.sqlite']);
    for (const answer of holds.splice(0)) answer();
    await clock.advance(0);
    expect(received).toHaveLength(100);
    expect(health.current().map((f) => f.store)).toEqual(['sqs.messages']);
    expect(await send(100)).toMatchObject({ status: 503, body: { __type: 'ServiceUnavailable' } });
    await clock.advance(30_000); // retries while the disk is still full: nothing is invoked twice
    expect(holds).toEqual([]);

    fs.free();
    await clock.advance(10_000);
    await sqs.idle();
    expect(health.ok).toBe(true);
    expect(sqs.pendingMessages()).toBe(0);
    expect(received.toSorted((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, n) => n));
  });
});
