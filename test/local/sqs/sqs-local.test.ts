import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueueAttributesCommand, QueueDoesNotExist, ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { createSqsLocal, type SqsEvent, type SqsLocal } from '../../../local/sqs/sqs-local.ts';

const FN = 'arn:aws:lambda:us-east-1:123456789012:function:chat-timer';

interface Rig {
  sqs: SqsLocal;
  clock: VirtualClock;
  received: { at: number; event: SqsEvent }[];
  client: SQSClient;
  queueUrl: string;
  stop(): Promise<void>;
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The emulator behind a real HTTP server, driven by the real SDK client, with a consumer that fails while `failing` says so. */
async function rig(data: string, clock: VirtualClock, failing: () => boolean = () => false): Promise<Rig> {
  const received: Rig['received'] = [];
  let baseUrl = '';
  const sqs = createSqsLocal({
    data,
    clock,
    region: 'us-east-1',
    accountId: '123456789012',
    baseUrl: () => baseUrl,
    invoke: (arn, event) => {
      expect(arn).toBe(FN);
      received.push({ at: clock.now(), event });
      return Promise.resolve(failing() ? { batchItemFailures: [{ itemIdentifier: event.Records[0]!.messageId }] } : { batchItemFailures: [] });
    },
  });
  const server: Server = createServer(sqs.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const created = await sqs.request('CreateQueue', { QueueName: 'chat-timers' });
  sqs.subscribe('chat-timers', FN);
  sqs.start();
  const client = new SQSClient({ endpoint: baseUrl, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  return {
    sqs,
    clock,
    received,
    client,
    queueUrl: (created.body as { QueueUrl: string }).QueueUrl,
    async stop() {
      client.destroy();
      sqs.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const settle = async (r: Rig): Promise<void> => {
  await r.sqs.idle();
  await new Promise<void>((resolve) => setImmediate(resolve));
  await r.sqs.idle();
};

describe('SQS emulator: SendMessage through the SDK, delivered by the event source mapping', () => {
  it('delivers a delayed message to its consumer when DelaySeconds have passed on the clock, not before', async () => {
    const r = await rig(':memory:', new VirtualClock('2026-11-30T02:00:00Z'));
    const sent = await r.client.send(new SendMessageCommand({ QueueUrl: r.queueUrl, MessageBody: '{"conversationId":"c1","due":1}', DelaySeconds: 60 }));
    await settle(r);
    expect(r.received).toEqual([]);
    await r.clock.advance(59_999);
    await settle(r);
    expect(r.received).toEqual([]);
    await r.clock.advance(1);
    await settle(r);
    expect(r.received).toHaveLength(1);
    const record = r.received[0]!.event.Records[0]!;
    expect(record).toMatchObject({
      messageId: sent.MessageId,
      body: '{"conversationId":"c1","due":1}',
      md5OfBody: sent.MD5OfMessageBody,
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:chat-timers',
      attributes: expect.objectContaining({ ApproximateReceiveCount: '1' }),
    });
    expect(r.received[0]!.at).toBe(Date.parse('2026-11-30T02:01:00Z'));
    expect(r.sqs.pendingMessages()).toBe(0);
    await r.stop();
  });

  it('makes a message reported as a batch item failure visible again after the 30 s visibility timeout', async () => {
    let fail = true;
    const r = await rig(':memory:', new VirtualClock('2026-11-30T02:00:00Z'), () => fail);
    await r.client.send(new SendMessageCommand({ QueueUrl: r.queueUrl, MessageBody: 'x' }));
    await settle(r);
    expect(r.received).toHaveLength(1);
    fail = false;
    await r.clock.advance(29_999);
    await settle(r);
    expect(r.received).toHaveLength(1);
    await r.clock.advance(1);
    await settle(r);
    expect(r.received.map((x) => x.event.Records[0]!.attributes.ApproximateReceiveCount)).toEqual(['1', '2']);
    expect(r.sqs.pendingMessages()).toBe(0);
    await r.stop();
  });

  it('keeps a sent message across a restart and delivers it when due', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqs-local-'));
    dirs.push(dir);
    const clock = new VirtualClock('2026-11-30T02:00:00Z');
    const first = await rig(dir, clock);
    await first.client.send(new SendMessageCommand({ QueueUrl: first.queueUrl, MessageBody: 'survives', DelaySeconds: 10 }));
    await first.stop();
    const second = await rig(dir, clock);
    expect(second.sqs.pendingMessages()).toBe(1);
    await clock.advance(10_000);
    await settle(second);
    expect(second.received.map((x) => x.event.Records[0]!.body)).toEqual(['survives']);
    await second.stop();
  });

  it('answers SQS errors for a delay over 900 s, an unknown queue, a batch of 11 and ReceiveMessage', async () => {
    const r = await rig(':memory:', new VirtualClock('2026-11-30T02:00:00Z'));
    await expect(r.client.send(new SendMessageCommand({ QueueUrl: r.queueUrl, MessageBody: 'x', DelaySeconds: 901 }))).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    await expect(r.client.send(new SendMessageCommand({ QueueUrl: `${r.queueUrl}-nope`, MessageBody: 'x' }))).rejects.toBeInstanceOf(QueueDoesNotExist);
    const entries = Array.from({ length: 11 }, (_, i) => ({ Id: `e${i}`, MessageBody: 'x' }));
    await expect(r.client.send(new SendMessageBatchCommand({ QueueUrl: r.queueUrl, Entries: entries }))).rejects.toMatchObject({ name: 'TooManyEntriesInBatchRequest' });
    await expect(r.client.send(new ReceiveMessageCommand({ QueueUrl: r.queueUrl }))).rejects.toMatchObject({ name: 'UnsupportedOperation' });
    const batch = await r.client.send(new SendMessageBatchCommand({ QueueUrl: r.queueUrl, Entries: [{ Id: 'ok', MessageBody: 'x', DelaySeconds: 5 }, { Id: 'bad', MessageBody: 'x', DelaySeconds: 5000 }] }));
    expect(batch.Successful?.map((s) => s.Id)).toEqual(['ok']);
    expect(batch.Failed).toEqual([expect.objectContaining({ Id: 'bad', Code: 'InvalidParameterValue', SenderFault: true })]);
    const attributes = await r.client.send(new GetQueueAttributesCommand({ QueueUrl: r.queueUrl, AttributeNames: ['All'] }));
    // A message within its delay is counted as delayed, not as available (GetQueueAttributes).
    expect(attributes.Attributes).toMatchObject({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesDelayed: '1' });
    await r.stop();
  });
});
