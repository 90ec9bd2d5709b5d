import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { localDynamoDbClient } from '../../../local/dynamodb/client.ts';
import { startDynamoDbLocal } from '../../../local/dynamodb/server.ts';
import { ensureTable } from '../../../local/dynamodb/tables.ts';

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

  it('explains a failed start instead of hanging', async () => {
    await expect(startDynamoDbLocal({ java: '/nonexistent/java', port: 1 })).rejects.toThrow(/failed to start/);
  });
});
