import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { arnOf, functionArn, rawSqs, startSqs, type SqsRig } from './rig.ts';

const WORKER = functionArn('worker');
const DLQ_READER = functionArn('dlq-reader');

let rig: SqsRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

const attributesOf = async (r: SqsRig, queueUrl: string): Promise<Record<string, string>> =>
  (await r.client.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }))).Attributes ?? {};

describe('SQS emulator: queue attributes are honoured and reported as SQS does (CreateQueue › Attributes)', () => {
  it('reports DelaySeconds, VisibilityTimeout and RedrivePolicy as created, and SetQueueAttributes changes them', async () => {
    const clock = new VirtualClock('2026-11-30T02:00:00Z');
    rig = await startSqs(clock);
    const { QueueUrl: dlq } = await rig.client.send(new CreateQueueCommand({ QueueName: 'timers-dlq' }));
    const redrive = JSON.stringify({ deadLetterTargetArn: arnOf('timers-dlq'), maxReceiveCount: '3' });
    const { QueueUrl: queue } = await rig.client.send(new CreateQueueCommand({ QueueName: 'timers', Attributes: { DelaySeconds: '45', VisibilityTimeout: '120', RedrivePolicy: redrive } }));
    expect(await attributesOf(rig, queue!)).toMatchObject({
      QueueArn: arnOf('timers'),
      DelaySeconds: '45',
      VisibilityTimeout: '120',
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: arnOf('timers-dlq'), maxReceiveCount: 3 }),
      MaximumMessageSize: '1048576',
      MessageRetentionPeriod: '345600',
    });
    expect(await attributesOf(rig, dlq!)).toMatchObject({ DelaySeconds: '0', VisibilityTimeout: '30' });
    expect(await attributesOf(rig, dlq!)).not.toHaveProperty('RedrivePolicy');

    await rig.client.send(new SetQueueAttributesCommand({ QueueUrl: queue, Attributes: { VisibilityTimeout: '60', RedrivePolicy: '' } }));
    const changed = await attributesOf(rig, queue!);
    expect(changed).toMatchObject({ VisibilityTimeout: '60', DelaySeconds: '45' });
    expect(changed).not.toHaveProperty('RedrivePolicy');
    // Only the attributes asked for are answered.
    expect((await rig.client.send(new GetQueueAttributesCommand({ QueueUrl: queue, AttributeNames: ['VisibilityTimeout'] }))).Attributes).toEqual({ VisibilityTimeout: '60' });
  });

  it("delays a message by the queue's DelaySeconds when SendMessage gives none, and by its own when it does", async () => {
    const clock = new VirtualClock('2026-11-30T02:00:00Z');
    rig = await startSqs(clock);
    const { QueueUrl } = await rig.client.send(new CreateQueueCommand({ QueueName: 'slow', Attributes: { DelaySeconds: '45' } }));
    rig.sqs.subscribe('slow', WORKER);
    await rig.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'queue delay' }));
    await rig.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'no delay', DelaySeconds: 0 }));
    await rig.settle();
    expect(rig.received.map((d) => d.event.Records[0]!.body)).toEqual(['no delay']);
    await clock.advance(44_999);
    await rig.settle();
    expect(rig.received).toHaveLength(1);
    await clock.advance(1);
    await rig.settle();
    expect(rig.received.map((d) => [d.event.Records[0]!.body, new Date(d.at).toISOString()])).toEqual([
      ['no delay', '2026-11-30T02:00:00.000Z'],
      ['queue delay', '2026-11-30T02:00:45.000Z'],
    ]);
  });

  it("redelivers a failed message after the queue's VisibilityTimeout and, after maxReceiveCount receives, moves it to the dead-letter queue with its id, body and attributes", async () => {
    const clock = new VirtualClock('2026-11-30T02:00:00Z');
    rig = await startSqs(clock, (arn) => arn === WORKER);
    await rig.client.send(new CreateQueueCommand({ QueueName: 'work-dlq' }));
    const { QueueUrl } = await rig.client.send(
      new CreateQueueCommand({ QueueName: 'work', Attributes: { VisibilityTimeout: '120', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: arnOf('work-dlq'), maxReceiveCount: 2 }) } }),
    );
    rig.sqs.subscribe('work', WORKER);
    const sent = await rig.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'poison', MessageAttributes: { kind: { DataType: 'String', StringValue: 'timer' } } }));
    await rig.settle();
    await clock.advance(119_999);
    await rig.settle();
    expect(rig.received).toHaveLength(1);
    await clock.advance(1);
    await rig.settle();
    // Received twice (maxReceiveCount 2), 120 s apart; the third receive moves it instead.
    expect(rig.received.map((d) => [new Date(d.at).toISOString(), d.event.Records[0]!.attributes.ApproximateReceiveCount])).toEqual([
      ['2026-11-30T02:00:00.000Z', '1'],
      ['2026-11-30T02:02:00.000Z', '2'],
    ]);
    await clock.advance(120_000);
    await rig.settle();
    expect(rig.received).toHaveLength(2);
    const dlqUrl = `${rig.baseUrl}/123456789012/work-dlq`;
    expect(await attributesOf(rig, dlqUrl)).toMatchObject({ ApproximateNumberOfMessages: '1' });
    expect(await attributesOf(rig, QueueUrl!)).toMatchObject({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
    expect(rig.sqs.deadLetters()).toEqual([]);

    // Nothing reads the dead-letter queue until a consumer is mapped to it: it keeps the message unreceived.
    await clock.advance(3_600_000);
    await rig.settle();
    expect(rig.received).toHaveLength(2);
    rig.sqs.subscribe('work-dlq', DLQ_READER);
    await clock.advance(20_000);
    await rig.settle();
    const moved = rig.received[2]!;
    expect(moved.functionArn).toBe(DLQ_READER);
    expect(moved.event.Records[0]).toMatchObject({
      messageId: sent.MessageId,
      body: 'poison',
      eventSourceARN: arnOf('work-dlq'),
      messageAttributes: { kind: { dataType: 'String', stringValue: 'timer', stringListValues: [], binaryListValues: [] } },
      md5OfMessageAttributes: sent.MD5OfMessageAttributes,
      attributes: expect.objectContaining({ ApproximateReceiveCount: '1', SentTimestamp: String(Date.parse('2026-11-30T02:00:00Z')) }),
    });
  });

  it('keeps a failing message without a redrive policy until MessageRetentionPeriod ends, then gives it up', async () => {
    const clock = new VirtualClock('2026-11-30T02:00:00Z');
    rig = await startSqs(clock, () => true);
    const { QueueUrl } = await rig.client.send(new CreateQueueCommand({ QueueName: 'short', Attributes: { MessageRetentionPeriod: '600', VisibilityTimeout: '100' } }));
    rig.sqs.subscribe('short', WORKER);
    await rig.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }));
    await rig.settle();
    for (let i = 0; i < 7; i++) {
      await clock.advance(100_000);
      await rig.settle();
    }
    // Received at 0, 100 … 600 s (600 s is the end of the retention period); 700 s would be past it.
    expect(rig.received.map((d) => (d.at - Date.parse('2026-11-30T02:00:00Z')) / 1000)).toEqual([0, 100, 200, 300, 400, 500, 600]);
    expect(rig.sqs.pendingMessages()).toBe(0);
    expect(rig.sqs.deadLetters()).toHaveLength(1);
  });

  it('refuses attributes SQS refuses: out of range, unknown, a redrive target that does not exist, and another value for an existing queue', async () => {
    rig = await startSqs(new VirtualClock('2026-11-30T02:00:00Z'));
    const create = (Attributes: Record<string, string>) => rig!.client.send(new CreateQueueCommand({ QueueName: 'q', Attributes }));
    await expect(create({ VisibilityTimeout: '43201' })).rejects.toMatchObject({ name: 'InvalidAttributeValue', message: 'Invalid value for the parameter VisibilityTimeout.' });
    await expect(create({ DelaySeconds: '901' })).rejects.toMatchObject({ name: 'InvalidAttributeValue', message: 'Invalid value for the parameter DelaySeconds.' });
    await expect(create({ MaximumMessageSize: '1048577' })).rejects.toMatchObject({ name: 'InvalidAttributeValue' });
    await expect(create({ Colour: 'blue' })).rejects.toMatchObject({ name: 'InvalidAttributeName', message: 'Unknown Attribute Colour.' });
    const missing = JSON.stringify({ deadLetterTargetArn: arnOf('nope'), maxReceiveCount: 5 });
    await expect(create({ RedrivePolicy: missing })).rejects.toMatchObject({ name: 'InvalidParameterValue', message: `Value ${missing} for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.` });
    await rig.client.send(new CreateQueueCommand({ QueueName: 'dlq' }));
    const zero = JSON.stringify({ deadLetterTargetArn: arnOf('dlq'), maxReceiveCount: 0 });
    await expect(create({ RedrivePolicy: zero })).rejects.toMatchObject({ name: 'InvalidParameterValue', message: expect.stringContaining('valid values are from 1 to 1000 both inclusive') });

    await create({ VisibilityTimeout: '60' });
    // The same name and values answer the queue; another value is QueueNameExists (query protocol: QueueAlreadyExists).
    await expect(create({ VisibilityTimeout: '60' })).resolves.toMatchObject({ QueueUrl: expect.stringMatching(/\/q$/) });
    await expect(create({ VisibilityTimeout: '90' })).rejects.toMatchObject({ name: 'QueueNameExists' });

    // On the wire, an attribute value that is not a string is refused too.
    const raw = await rawSqs(rig.baseUrl, 'CreateQueue', { QueueName: 'r', Attributes: { VisibilityTimeout: 60 } });
    expect(raw).toMatchObject({ status: 400, body: { __type: 'InvalidAttributeValue' } });
  });
});
