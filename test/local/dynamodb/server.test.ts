import { Database } from '../../../local/sqlite/database.ts';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetItemCommand, ListTablesCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { localDynamoDbClient } from '../../../local/dynamodb/client.ts';
import { startDynamoDbLocal } from '../../../local/dynamodb/server.ts';
import { ensureTable } from '../../../local/dynamodb/tables.ts';
import { SHARED_DB_FILE } from '../../../local/dynamodb/write-ahead-log.ts';

const decl = { id: 'probe', partitionKey: 'pk', indexes: [] };

describe('startDynamoDbLocal', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ddb-local-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps tables in its data directory across a stop and restart', async () => {
    const first = await startDynamoDbLocal({ dbPath: dataDir });
    const firstClient = localDynamoDbClient(first.endpoint);
    await ensureTable(firstClient, decl, 'survivor');
    firstClient.destroy();
    await first.stop();
    await first.stop(); // a second stop is harmless
    await expect(fetch(first.endpoint)).rejects.toThrow();

    const second = await startDynamoDbLocal({ dbPath: dataDir });
    const secondClient = localDynamoDbClient(second.endpoint);
    try {
      const listed = await secondClient.send(new ListTablesCommand({}));
      expect(listed.TableNames).toContain('survivor');
    } finally {
      secondClient.destroy();
      await second.stop();
    }
  });

  it('runs on a write-ahead log when asked, and keeps its items in it through kill -9 and a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddb-local-wal-'));
    try {
      const first = await startDynamoDbLocal({ dbPath: dir, writeAheadLog: true });
      const client = localDynamoDbClient(first.endpoint);
      await ensureTable(client, decl, 'orders');
      await client.send(new PutItemCommand({ TableName: 'orders', Item: { pk: { S: 'SO-1' }, buyer: { S: '李四' } } }));
      client.destroy();
      expect(existsSync(join(dir, `${SHARED_DB_FILE}-wal`))).toBe(true);
      process.kill(first.pid!, 'SIGKILL');
      await first.stop();

      const second = await startDynamoDbLocal({ dbPath: dir, writeAheadLog: true });
      const again = localDynamoDbClient(second.endpoint);
      try {
        expect((await again.send(new GetItemCommand({ TableName: 'orders', Key: { pk: { S: 'SO-1' } } }))).Item?.buyer).toEqual({ S: '李四' });
      } finally {
        again.destroy();
        await second.stop();
      }
      const db = new Database(join(dir, SHARED_DB_FILE), { readonly: true });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains a failed start instead of hanging', async () => {
    await expect(startDynamoDbLocal({ java: '/nonexistent/java', port: 1 })).rejects.toThrow(/failed to start/);
  });
});
