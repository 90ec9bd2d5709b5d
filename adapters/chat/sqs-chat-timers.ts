/**
 * Chat timers as SQS messages with `DelaySeconds` (core/ports/chat-timers.ts): second precision,
 * where EventBridge Scheduler invokes within a minute. SQS delays at most 900 s, so a timer due
 * later arrives early and the chat-timer function sends it on again.
 */
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ChatTimerPayload, ChatTimers } from '../../core/ports/chat-timers.ts';
import type { Clock } from '../../core/time/clock.ts';

/** SQS's largest `DelaySeconds` (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html). */
export const MAX_DELAY_SECONDS = 900;

export interface SqsChatTimersOptions {
  client: SQSClient;
  queueUrl: string;
  clock: Clock;
}

export class SqsChatTimers implements ChatTimers {
  constructor(private readonly options: SqsChatTimersOptions) {}

  async arm(payload: ChatTimerPayload): Promise<void> {
    await this.options.client.send(new SendMessageCommand({ QueueUrl: this.options.queueUrl, MessageBody: JSON.stringify(payload), DelaySeconds: delaySeconds(payload.due, this.options.clock.now()) }));
  }
}

/** Whole seconds until `due` (rounded up, so the message never arrives before it), capped at SQS's maximum. */
export function delaySeconds(due: number, now: number): number {
  return Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil((due - now) / 1000)));
}
