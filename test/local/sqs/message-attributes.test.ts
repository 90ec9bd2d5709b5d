import { CreateQueueCommand, SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { functionArn, rawSqs, startSqs, type SqsRig } from './rig.ts';

let rig: SqsRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

async function queue(attributes?: Record<string, string>): Promise<{ r: SqsRig; url: string }> {
  rig = await startSqs(new VirtualClock('2026-11-30T02:00:00Z'));
  const { QueueUrl } = await rig.client.send(new CreateQueueCommand({ QueueName: 'q', ...(attributes ? { Attributes: attributes } : {}) }));
  return { r: rig, url: QueueUrl! };
}

/*
 * Digests published for the SQS algorithm ("Calculating the MD5 message digest for message
 * attributes", SQS Developer Guide) by the aws-md5-of-message-attributes package's README,
 * computed independently of this emulator.
 */
const HELLO = Buffer.from('Hello binary world!');
const PUBLISHED: [string, Record<string, { DataType: string; StringValue?: string; BinaryValue?: Uint8Array }>, string][] = [
  ['a String', { attribName1: { DataType: 'String', StringValue: 'attribValue 1' } }, '19e27d4e946b072f3f58da80d94fd778'],
  ['a custom Number type', { customNumberTypeAttrib: { DataType: 'Number.float', StringValue: '4563442423554324324264524243.32543234' } }, '9fe1b90bbd9965bdf77bac517c7d2495'],
  ['a Binary', { binaryAttribute: { DataType: 'Binary', BinaryValue: HELLO } }, '31a92b15d92f8db860eda32aceb656c3'],
  [
    'three, given out of name order',
    {
      attribName1: { DataType: 'String', StringValue: 'attribValue 1' },
      customNumberTypeAttrib: { DataType: 'Number.float', StringValue: '4563442423554324324264524243.32543234' },
      binaryAttribute: { DataType: 'Binary', BinaryValue: HELLO },
    },
    'c932db14a896c663f83c260297d594ff',
  ],
];

describe('SQS emulator: MessageAttributes are kept and digested as SQS documents', () => {
  it.each(PUBLISHED)('answers MD5OfMessageAttributes for %s as SQS computes it', async (_label, MessageAttributes, digest) => {
    const { r, url } = await queue();
    // The real client checks MD5OfMessageBody itself; the attributes' digest is checked against the published one.
    const sent = await r.client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'body', MessageAttributes }));
    expect(sent.MD5OfMessageAttributes).toBe(digest);
    const batch = await r.client.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: 'a', MessageBody: 'body', MessageAttributes }] }));
    expect(batch.Successful?.[0]?.MD5OfMessageAttributes).toBe(digest);
  });

  it('hands the attributes and their digest to the consumer in the SQS event record, and leaves both out when there are none', async () => {
    const { r, url } = await queue();
    r.sqs.subscribe('q', functionArn('worker'));
    const sent = await r.client.send(
      new SendMessageCommand({ QueueUrl: url, MessageBody: 'b', MessageAttributes: { kind: { DataType: 'String', StringValue: '催单' }, blob: { DataType: 'Binary', BinaryValue: HELLO } } }),
    );
    const plain = await r.client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'plain' }));
    expect(plain.MD5OfMessageAttributes).toBeUndefined();
    await r.settle();
    const [withAttributes, without] = r.received.map((d) => d.event.Records[0]!);
    expect(withAttributes).toMatchObject({
      md5OfMessageAttributes: sent.MD5OfMessageAttributes,
      messageAttributes: {
        kind: { dataType: 'String', stringValue: '催单', stringListValues: [], binaryListValues: [] },
        blob: { dataType: 'Binary', binaryValue: HELLO.toString('base64'), stringListValues: [], binaryListValues: [] },
      },
    });
    expect(without?.messageAttributes).toEqual({});
    expect(without).not.toHaveProperty('md5OfMessageAttributes');
  });

  it('refuses attributes SQS refuses: a reserved name, an unknown type, an empty value, a Number that is not one, more than 10', async () => {
    const { r, url } = await queue();
    const send = (MessageAttributes: Record<string, { DataType: string; StringValue?: string }>) => r.client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'b', MessageAttributes }));
    await expect(send({ 'AWS.trace': { DataType: 'String', StringValue: 'x' } })).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    await expect(send({ 'a..b': { DataType: 'String', StringValue: 'x' } })).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    await expect(send({ k: { DataType: 'Text', StringValue: 'x' } })).rejects.toMatchObject({ name: 'InvalidParameterValue', message: expect.stringContaining('Binary, Number, String') });
    await expect(send({ k: { DataType: 'String', StringValue: '' } })).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    await expect(send({ k: { DataType: 'Number', StringValue: 'twelve' } })).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, { DataType: 'String', StringValue: 'x' }]));
    await expect(send(eleven)).rejects.toMatchObject({ name: 'InvalidParameterValue', message: 'Number of message attributes [11] exceeds the allowed maximum [10].' });
  });
});

describe('SQS emulator: batch entry ids (SendMessageBatchRequestEntry › Id)', () => {
  it.each([
    ['with a space', 'entry 1'],
    ['with a dot', 'entry.1'],
    ['of 81 characters', 'a'.repeat(81)],
    ['in Chinese', '消息1'],
  ])('refuses an id %s with InvalidBatchEntryId and sends nothing', async (_label, Id) => {
    const { r, url } = await queue();
    await expect(r.client.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: 'ok', MessageBody: 'x' }, { Id, MessageBody: 'x' }] }))).rejects.toMatchObject({
      name: 'InvalidBatchEntryId',
      message: 'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
    });
    expect(r.sqs.pendingMessages()).toBe(0);
  });

  it('takes ids of letters, digits, hyphens and underscores up to 80 characters', async () => {
    const { r, url } = await queue();
    const ids = ['a'.repeat(80), 'A-b_9'];
    const batch = await r.client.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: ids.map((Id) => ({ Id, MessageBody: 'x' })) }));
    expect(batch.Successful?.map((s) => s.Id)).toEqual(ids);
  });

  it('refuses an empty id on the wire, where the SDK would not send one', async () => {
    const { r, url } = await queue();
    const answer = await rawSqs(r.baseUrl, 'SendMessageBatch', { QueueUrl: url, Entries: [{ Id: '', MessageBody: 'x' }] });
    expect(answer.status).toBe(400);
    expect(answer.body.__type).toMatch(/MissingParameter|InvalidBatchEntryId/);
    expect(r.sqs.pendingMessages()).toBe(0);
  });
});

describe('SQS emulator: the 1 MiB message size (AWS raised it from 256 KiB in August 2025)', () => {
  const MiB = 1_048_576;

  it('takes a 1 MiB body and refuses one byte more with InvalidParameterValue', async () => {
    const { r, url } = await queue();
    await expect(r.client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x'.repeat(300 * 1024) }))).resolves.toMatchObject({ MessageId: expect.any(String) });
    await expect(r.client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x'.repeat(MiB) }))).resolves.toMatchObject({ MessageId: expect.any(String) });
    await expect(r.client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x'.repeat(MiB + 1) }))).rejects.toMatchObject({
      name: 'InvalidParameterValue',
      message: 'One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.',
    });
    expect(r.sqs.pendingMessages()).toBe(2);
  });

  it('counts message attributes (name, type and value) toward the limit, in UTF-8 bytes', async () => {
    const { r, url } = await queue();
    // 'k' + 'String' + 'v' = 8 bytes.
    const attrs = { k: { DataType: 'String', StringValue: 'v' } };
    await expect(r.client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x'.repeat(MiB - 8), MessageAttributes: attrs }))).resolves.toBeDefined();
    await expect(r.client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x'.repeat(MiB - 7), MessageAttributes: attrs }))).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    // '催' is 3 bytes in UTF-8.
    await expect(r.client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: '催'.repeat(MiB / 3 + 1) }))).rejects.toMatchObject({ name: 'InvalidParameterValue' });
  });

  it("holds a queue to its own MaximumMessageSize, failing an oversized batch entry alone", async () => {
    const { r, url } = await queue({ MaximumMessageSize: '1024' });
    await expect(r.client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x'.repeat(1025) }))).rejects.toMatchObject({ message: 'One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.' });
    const batch = await r.client.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: 'small', MessageBody: 'x' }, { Id: 'big', MessageBody: 'x'.repeat(1025) }] }));
    expect(batch.Successful?.map((s) => s.Id)).toEqual(['small']);
    expect(batch.Failed).toEqual([expect.objectContaining({ Id: 'big', Code: 'InvalidParameterValue', SenderFault: true })]);
  });

  it('refuses a batch whose messages together pass 1 MiB with BatchRequestTooLong, sending none', async () => {
    const { r, url } = await queue();
    const entries = Array.from({ length: 3 }, (_, i) => ({ Id: `e${i}`, MessageBody: 'x'.repeat(400 * 1024) }));
    await expect(r.client.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries }))).rejects.toMatchObject({
      name: 'BatchRequestTooLong',
      message: `Batch requests cannot be longer than 1048576 bytes. You have sent ${3 * 400 * 1024} bytes.`,
    });
    expect(r.sqs.pendingMessages()).toBe(0);
  });
});

describe('SQS emulator: the wire protocol', () => {
  it("answers SQS's query protocol (form-encoded Action=SendMessage) with a 400 naming the JSON protocol it speaks, and sends nothing", async () => {
    const { r, url } = await queue();
    const response = await fetch(r.baseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ Action: 'SendMessage', QueueUrl: url, MessageBody: 'x', Version: '2012-11-05' }).toString(),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'InvalidAction', message: expect.stringContaining('JSON protocol') });
    expect(r.sqs.pendingMessages()).toBe(0);
  });
});
