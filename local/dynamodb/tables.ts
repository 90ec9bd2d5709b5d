/**
 * Creates DynamoDB tables from the manifest's table declarations, so the local runtime and the
 * tests build exactly the tables the CDK stack deploys.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type KeySchemaElement,
} from '@aws-sdk/client-dynamodb';
import type { TableDecl } from '../../platform/manifest-types.ts';

export function createTableInput(decl: TableDecl, tableName: string): CreateTableCommandInput {
  const keyNames = new Set<string>([decl.partitionKey]);
  if (decl.sortKey) keyNames.add(decl.sortKey);
  for (const index of decl.indexes) {
    keyNames.add(index.partitionKey);
    if (index.sortKey) keyNames.add(index.sortKey);
  }
  const attributeDefinitions: AttributeDefinition[] = [...keyNames].map((name) => ({
    AttributeName: name,
    AttributeType: decl.keyTypes?.[name] === 'number' ? 'N' : 'S',
  }));
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: attributeDefinitions,
    KeySchema: keySchema(decl.partitionKey, decl.sortKey),
    GlobalSecondaryIndexes:
      decl.indexes.length === 0
        ? undefined
        : decl.indexes.map((index) => ({
            IndexName: index.name,
            KeySchema: keySchema(index.partitionKey, index.sortKey),
            Projection: { ProjectionType: 'ALL' },
          })),
  };
}

/** Creates the table (and its TTL) unless it already exists; returns once it is ACTIVE. */
export async function ensureTable(client: DynamoDBClient, decl: TableDecl, tableName: string): Promise<void> {
  try {
    await client.send(new CreateTableCommand(createTableInput(decl, tableName)));
    if (decl.ttlAttribute) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: decl.ttlAttribute, Enabled: true },
        }),
      );
    }
  } catch (error) {
    // A persistent local data directory keeps its tables across restarts.
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  // DynamoDB Local creates tables synchronously; a real endpoint would need a waiter here.
  if (described.Table?.TableStatus !== 'ACTIVE') {
    throw new Error(`table ${tableName} is ${described.Table?.TableStatus ?? 'missing'}, not ACTIVE`);
  }
}

function keySchema(partitionKey: string, sortKey: string | undefined): KeySchemaElement[] {
  const schema: KeySchemaElement[] = [{ AttributeName: partitionKey, KeyType: 'HASH' }];
  if (sortKey) schema.push({ AttributeName: sortKey, KeyType: 'RANGE' });
  return schema;
}
