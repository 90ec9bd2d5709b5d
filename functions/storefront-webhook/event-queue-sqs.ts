/**
 * The queued storefront events as SQS messages. Sends that arrive in the same turn of the event
 * loop (concurrent requests in one process: the local runtime under a burst) go out together as
 * one `SendMessageBatch` of up to 10 entries — one request instead of ten; each caller learns the
 * fate of its own entry (a batch answers per entry: `Successful` / `Failed`). On AWS a Lambda
 * instance serves one request at a time, so its batches hold one entry.
 */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { EventQueue, QueuedEvent } from './queued.ts';

/** SendMessageBatch's largest batch (API Reference). */
const MAX_ENTRIES = 10;

interface Pending {
  body: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class SqsEventQueue implements EventQueue {
  private pending: Pending[] = [];

  constructor(private readonly options: { client: SQSClient; queueUrl: () => string }) {}

  send(message: QueuedEvent): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({ body: JSON.stringify(message), resolve, reject });
    });
  }

  private flush(): void {
    const all = this.pending;
    this.pending = [];
    for (let i = 0; i < all.length; i += MAX_ENTRIES) void this.sendBatch(all.slice(i, i + MAX_ENTRIES));
  }

  private async sendBatch(batch: Pending[]): Promise<void> {
    try {
      const answer = await this.options.client.send(new SendMessageBatchCommand({ QueueUrl: this.options.queueUrl(), Entries: batch.map((p, i) => ({ Id: String(i), MessageBody: p.body })) }));
      const failed = new Map((answer.Failed ?? []).map((f) => [f.Id, f]));
      batch.forEach((p, i) => {
        const failure = failed.get(String(i));
        if (failure) p.reject(Object.assign(new Error(`SendMessageBatch entry failed: ${failure.Code}: ${failure.Message ?? ''}`), { name: failure.Code ?? 'SendMessageBatchEntryFailed' }));
        else p.resolve();
      });
    } catch (error) {
      for (const p of batch) p.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
