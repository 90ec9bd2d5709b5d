/**
 * The connector version records in the case table: `pk = CONNECTOR-VERSION#<platform>#<shopId>`,
 * `sk = <key>`, `version` (number). A record only ever moves up (conditional write).
 */
import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { VersionStore } from './versions.ts';

export class DynamoDbVersionStore implements VersionStore {
  private readonly db: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
    private readonly partition: string,
  ) {
    this.db = DynamoDBDocumentClient.from(client);
  }

  async latest(key: string): Promise<number | undefined> {
    const got = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: this.partition, sk: key }, ConsistentRead: true }));
    const version = got.Item?.version;
    return typeof version === 'number' ? version : undefined;
  }

  async record(key: string, version: number): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: this.partition, sk: key, entity: 'connector-version', version },
          ConditionExpression: 'attribute_not_exists(pk) OR version < :v',
          ExpressionAttributeValues: { ':v': version },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
