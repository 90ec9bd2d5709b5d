/** The queued storefront events as SQS messages (one per event; SendMessage answers once SQS stored it redundantly). */
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { EventQueue, QueuedEvent } from './queued.ts';

export class SqsEventQueue implements EventQueue {
  constructor(private readonly options: { client: SQSClient; queueUrl: () => string }) {}

  async send(message: QueuedEvent): Promise<void> {
    await this.options.client.send(new SendMessageCommand({ QueueUrl: this.options.queueUrl(), MessageBody: JSON.stringify(message) }));
  }
}
