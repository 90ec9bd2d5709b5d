/**
 * Pending placements in the case table: `pk = PENDING-PLACEMENT#<caseId>`, `sk = PENDING-PLACEMENT`,
 * `expiresAt` (epoch seconds, the table's TTL attribute). One item per order, so a burst spreads
 * over partitions. Read consistently: the mark is written before the placement's 202.
 */
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { PendingPlacements } from './pending-placements.ts';

const PREFIX = 'PENDING-PLACEMENT';

export class DynamoDbPendingPlacements implements PendingPlacements {
  private readonly db: DynamoDBDocumentClient;

  constructor(private readonly options: { client: DynamoDBClient; tableName: string }) {
    this.db = DynamoDBDocumentClient.from(options.client);
  }

  async mark(caseId: string, expiresAt: number): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.options.tableName, Item: { pk: `${PREFIX}#${caseId}`, sk: PREFIX, entity: 'pending-placement', caseId, expiresAt: Math.ceil(expiresAt / 1000) } }));
  }

  async isPending(caseId: string): Promise<boolean> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.options.tableName, Key: { pk: `${PREFIX}#${caseId}`, sk: PREFIX }, ConsistentRead: true }));
    return Item !== undefined;
  }
}
