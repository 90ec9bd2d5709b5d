/**
 * Moves the tables and items of a data directory written by DynamoDB Local (`npm start` before
 * the embedded store: `<data>/dynamodb/shared-local-instance.db`) into the embedded store, once.
 * DynamoDB Local keeps each item as its DynamoDB JSON (`ObjectJSON`) in SQLite, so no Java is
 * needed; its own files are left as they were, for `npm start -- --dynamodb java`.
 */
import { Database } from '../../sqlite/database.ts';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmbeddedDynamoDb } from './embedded-dynamodb.ts';

export const DYNAMODB_LOCAL_FILE = 'shared-local-instance.db';
const MARKER = 'migrated-from-dynamodb-local.json';

interface KeyColumn {
  DynamoDBAttribute: { AttributeName: string; AttributeType: string };
  KeyType: string;
}

interface TableInfo {
  Attributes: { AttributeName: string; AttributeType: string }[];
  GSIList?: { IndexName: string; KeySchema: object[]; Projection: object }[];
  UniqueIndexes: KeyColumn[];
  TimeToLiveAttributeName?: string | null;
}

export interface Migration {
  tables: number;
  items: number;
}

/**
 * Migrates `<localDir>/shared-local-instance.db` into `store` unless `storeDir` records it was
 * done already; returns what was moved, or undefined when there was nothing to do.
 */
export async function migrateDynamoDbLocal(localDir: string, storeDir: string, store: EmbeddedDynamoDb): Promise<Migration | undefined> {
  const source = join(localDir, DYNAMODB_LOCAL_FILE);
  const marker = join(storeDir, MARKER);
  if (!existsSync(source) || existsSync(marker)) return undefined;
  const db = new Database(source, { readonly: true, fileMustExist: true });
  const migration: Migration = { tables: 0, items: 0 };
  try {
    const tables = db.prepare<[], { TableName: string; TableInfo: Buffer | string; BillingMode: number }>('SELECT TableName, TableInfo, BillingMode FROM dm').all();
    for (const table of tables) {
      const info = JSON.parse(table.TableInfo.toString()) as TableInfo;
      await createIfMissing(store, table.TableName, info, table.BillingMode);
      const pending: Promise<unknown>[] = [];
      // Requests made in one turn share one commit of the embedded store.
      for (const row of db.prepare<[], { ObjectJSON: Buffer | string }>(`SELECT ObjectJSON FROM "${table.TableName.replaceAll('"', '""')}"`).iterate()) {
        pending.push(call(store, 'PutItem', { TableName: table.TableName, Item: JSON.parse(row.ObjectJSON.toString()) as object }));
      }
      await Promise.all(pending);
      migration.tables++;
      migration.items += pending.length;
    }
  } finally {
    db.close();
  }
  writeFileSync(marker, JSON.stringify({ from: source, ...migration }, null, 2));
  return migration;
}

async function createIfMissing(store: EmbeddedDynamoDb, name: string, info: TableInfo, billingMode: number): Promise<void> {
  const described = await store.request('DescribeTable', { TableName: name });
  if (described.status === 200) return;
  await call(store, 'CreateTable', {
    TableName: name,
    AttributeDefinitions: info.Attributes,
    KeySchema: info.UniqueIndexes.map((k) => ({ AttributeName: k.DynamoDBAttribute.AttributeName, KeyType: k.KeyType })),
    ...(info.GSIList?.length ? { GlobalSecondaryIndexes: info.GSIList.map(({ IndexName, KeySchema, Projection }) => ({ IndexName, KeySchema, Projection })) } : {}),
    // DynamoDB Local records PAY_PER_REQUEST as 1.
    ...(billingMode === 1 ? { BillingMode: 'PAY_PER_REQUEST' } : { ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }),
  });
  if (info.TimeToLiveAttributeName) await call(store, 'UpdateTimeToLive', { TableName: name, TimeToLiveSpecification: { AttributeName: info.TimeToLiveAttributeName, Enabled: true } });
}

async function call(store: EmbeddedDynamoDb, operation: string, body: object): Promise<void> {
  const answer = await store.request(operation, body);
  if (answer.status !== 200) throw new Error(`migrating DynamoDB Local data: ${operation}: ${JSON.stringify(answer.body)}`);
}
