/**
 * Quality checks in the case table (docs/data-model.md "Quality checks"): one item per check,
 * `QA#<week>` / `CHECK#<id>`, so a week's queue is one query; the check's subject and score are
 * kept as JSON. A sampled check is written only if absent (a rerun keeps its score); a score is
 * written only onto an existing check.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { QaItemNotFound } from '../../core/people/qa/errors.ts';
import { QA_ITEM_ID, type QaItem, type QaScore } from '../../core/people/qa/item.ts';
import type { QaStore } from '../../core/people/qa/store.ts';
import { queryAll, type TableAccess } from '../case-repository/table-access.ts';
import { isConditionalCheckFailed } from '../case-repository/sdk-errors.ts';

export interface DynamoDbQaStoreOptions {
  client: DynamoDBClient;
  tableName: string;
}

export class DynamoDbQaStore implements QaStore {
  private readonly access: TableAccess;

  constructor(options: DynamoDbQaStoreOptions) {
    const db = DynamoDBDocumentClient.from(options.client, { marshallOptions: { removeUndefinedValues: true } });
    this.access = { db, table: options.tableName, maxWriteAttempts: 1 };
  }

  async addSampled(items: readonly QaItem[]): Promise<number> {
    let added = 0;
    for (const item of items) {
      try {
        await this.access.db.send(new PutCommand({ TableName: this.access.table, Item: toItem(item), ConditionExpression: 'attribute_not_exists(pk)' }));
        added++;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
    }
    return added;
  }

  async listWeek(week: string): Promise<QaItem[]> {
    const items = await queryAll(this.access, { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :check)', ExpressionAttributeValues: { ':pk': partition(week), ':check': 'CHECK#' } });
    return items.map(fromItem).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async get(id: string): Promise<QaItem> {
    const result = await this.access.db.send(new GetCommand({ TableName: this.access.table, Key: key(id), ConsistentRead: true }));
    if (result.Item === undefined) throw new QaItemNotFound(id);
    return fromItem(result.Item);
  }

  async score(id: string, score: QaScore): Promise<QaItem> {
    try {
      const result = await this.access.db.send(
        new UpdateCommand({
          TableName: this.access.table,
          Key: key(id),
          UpdateExpression: 'SET score = :score',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':score': JSON.stringify(score) },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return fromItem(result.Attributes ?? {});
    } catch (error) {
      if (isConditionalCheckFailed(error)) throw new QaItemNotFound(id);
      throw error;
    }
  }
}

function partition(week: string): string {
  return `QA#${week}`;
}

function key(id: string): { pk: string; sk: string } {
  const week = QA_ITEM_ID.exec(id)?.[1];
  if (week === undefined) throw new QaItemNotFound(id);
  return { pk: partition(week), sk: `CHECK#${id}` };
}

function toItem(item: QaItem): Record<string, unknown> {
  return {
    ...key(item.id),
    entity: 'qa-check',
    id: item.id,
    week: item.week,
    person: item.person,
    subject: JSON.stringify(item.subject),
    at: item.at,
    sampledAt: item.sampledAt,
    ...(item.score !== undefined ? { score: JSON.stringify(item.score) } : {}),
  };
}

function fromItem(item: Record<string, unknown>): QaItem {
  return {
    id: String(item.id),
    week: String(item.week),
    person: String(item.person),
    subject: JSON.parse(String(item.subject)) as QaItem['subject'],
    at: Number(item.at),
    sampledAt: String(item.sampledAt),
    ...(typeof item.score === 'string' ? { score: JSON.parse(item.score) as QaScore } : {}),
  };
}
