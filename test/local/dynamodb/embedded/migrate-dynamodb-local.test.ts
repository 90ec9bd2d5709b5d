import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { casesTable } from '../../../../adapters/case-repository/table.ts';
import { systemClock } from '../../../../core/time/clock.ts';
import { localDynamoDbClient } from '../../../../local/dynamodb/client.ts';
import { createEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../../../local/dynamodb/embedded/embedded-dynamodb.ts';
import { DYNAMODB_LOCAL_FILE, migrateDynamoDbLocal } from '../../../../local/dynamodb/embedded/migrate-dynamodb-local.ts';
import { startDynamoDbLocal } from '../../../../local/dynamodb/server.ts';
import { ensureTable } from '../../../../local/dynamodb/tables.ts';

const dirs: string[] = [];
const stores: EmbeddedDynamoDb[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('moving a data directory written by DynamoDB Local into the embedded store', () => {
  it('brings over its tables (keys, indexes, TTL) and every item once, leaving the old files as they were', async () => {
    const root = mkdtempSync(join(tmpdir(), 'migrate-'));
    dirs.push(root);
    const javaDir = join(root, 'dynamodb');
    const local = await startDynamoDbLocal({ dbPath: javaDir });
    const client = localDynamoDbClient(local.endpoint);
    try {
      await ensureTable(client, casesTable, 'sla-platform-cases');
      for (let i = 0; i < 30; i++) {
        await client.send(
          new PutItemCommand({
            TableName: 'sla-platform-cases',
            Item: { pk: { S: `CASE#${i}` }, sk: { S: 'CASE' }, gsi1pk: { S: 'ORDER#1' }, gsi1sk: { S: `order#${String(i).padStart(2, '0')}` }, total: { N: `${i}.50` }, tags: { SS: ['a', 'b'] }, data: { M: { 地址: { S: '上海' } } } },
          }),
        );
      }
    } finally {
      client.destroy();
      await local.stop();
    }

    const storeDir = join(root, 'dynamodb-embedded');
    const store = createEmbeddedDynamoDb({ data: storeDir, clock: systemClock });
    stores.push(store);
    expect(await migrateDynamoDbLocal(javaDir, storeDir, store)).toEqual({ tables: 1, items: 30 });
    expect(await migrateDynamoDbLocal(javaDir, storeDir, store)).toBeUndefined();
    expect(existsSync(join(javaDir, DYNAMODB_LOCAL_FILE))).toBe(true);

    const byOrder = await store.request('Query', { TableName: 'sla-platform-cases', IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': { S: 'ORDER#1' } }, ScanIndexForward: false, Limit: 2 });
    expect((byOrder.body as { Items: { pk: { S: string } }[] }).Items.map((item) => item.pk.S)).toEqual(['CASE#29', 'CASE#28']);
    const one = await store.request('GetItem', { TableName: 'sla-platform-cases', Key: { pk: { S: 'CASE#7' }, sk: { S: 'CASE' } } });
    expect((one.body as { Item: unknown }).Item).toEqual({
      pk: { S: 'CASE#7' },
      sk: { S: 'CASE' },
      gsi1pk: { S: 'ORDER#1' },
      gsi1sk: { S: 'order#07' },
      total: { N: '7.5' },
      tags: { SS: ['a', 'b'] },
      data: { M: { 地址: { S: '上海' } } },
    });
    const ttl = await store.request('DescribeTimeToLive', { TableName: 'sla-platform-cases' });
    expect(ttl.body).toEqual({ TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' } });
  }, 60_000);
});
