/**
 * The customer-notice outbox: the alarm outbox (adapters/alarms/dynamodb-alarm-outbox.ts) in the
 * case table under the partition prefix `NOTICES`, one queue (`NOTICES#storefront`) for the
 * storefront's `notices.url` (docs/notices.md, docs/data-model.md).
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DeadLetter } from '../../core/alarms/outbox.ts';
import type { QueuedNotice } from '../../core/notices/notice.ts';
import { DynamoDbAlarmOutbox } from '../alarms/dynamodb-alarm-outbox.ts';

export const NOTICE_OUTBOX_PREFIX = 'NOTICES';
/** The one destination: the storefront's `notices.url`. */
export const STOREFRONT_CHANNEL = 'storefront';

export function noticeOutbox(client: DynamoDBClient, table: string): DynamoDbAlarmOutbox<QueuedNotice> {
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return new DynamoDbAlarmOutbox<QueuedNotice>(db, table, NOTICE_OUTBOX_PREFIX);
}

/** The notices given up on (kept 30 days), for the supervisor board. */
export function noticeDeadLetters(client: DynamoDBClient, table: string): () => Promise<DeadLetter<QueuedNotice>[]> {
  return () => noticeOutbox(client, table).deadLetters(STOREFRONT_CHANNEL);
}
