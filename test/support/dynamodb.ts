import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import type { TableDecl } from '../../platform/manifest-types.ts';
import { localDynamoDbClient } from '../../local/dynamodb/client.ts';
import { ensureTable } from '../../local/dynamodb/tables.ts';

export interface TestTable {
  client: DynamoDBClient;
  tableName: string;
  drop(): Promise<void>;
}

/** A fresh table shaped like `decl` on the run's DynamoDB Local, so test files never share state. */
export async function createTestTable(decl: TableDecl): Promise<TestTable> {
  const client = localDynamoDbClient(inject('dynamodbEndpoint'));
  const tableName = `${decl.id}-${randomUUID()}`;
  await ensureTable(client, decl, tableName);
  return {
    client,
    tableName,
    async drop() {
      await client.send(new DeleteTableCommand({ TableName: tableName }));
      client.destroy();
    },
  };
}
