/** Reads the dead-lettered customer notices for the supervisor board (the staff API has the case table). */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { casesTable } from '../../adapters/case-repository/table.ts';
import type { DeadLetter } from '../../core/alarms/outbox.ts';
import type { QueuedNotice } from '../../core/notices/notice.ts';
import { readConfig } from '../shared/config.ts';
import type { Dependencies } from '../shared/dependencies.ts';
import { noticeOutbox, STOREFRONT_CHANNEL } from './deps.ts';

export function deadNoticesReader(deps: Pick<Dependencies, 'clients'>): () => Promise<DeadLetter<QueuedNotice>[]> {
  return () => {
    const db = DynamoDBDocumentClient.from(deps.clients.dynamodb(), { marshallOptions: { removeUndefinedValues: true } });
    return noticeOutbox(db, readConfig().tableName(casesTable.id)).deadLetters(STOREFRONT_CHANNEL);
  };
}
