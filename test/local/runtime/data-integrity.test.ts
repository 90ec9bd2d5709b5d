/**
 * A missing, emptied or damaged store stops the start with one line naming the file and how to
 * restore it (issue 21 item 6), and `npm run -s backup` copies a running platform's data directory
 * so that a damaged file can be replaced. On the real runtime and the real `npm start` entry.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, writeSync, rmSync, truncateSync, copyFileSync, statSync } from 'node:fs';
import { randomFillSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateStateMachineCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { manifest } from '../../../app/manifest.ts';
import { VirtualClock } from '../../../core/time/clock.ts';
import { backupDataDir } from '../../../local/runtime/backup.ts';
import { DataDirDamaged, STORE_FILES } from '../../../local/runtime/data-integrity.ts';
import { LocalNames } from '../../../local/runtime/names.ts';
import { startRuntime, type Runtime } from '../../../local/runtime/runtime.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const table = new LocalNames(manifest).physical(manifest.tables[0]!.id);
const probeKey = { pk: { S: 'CASE#probe' }, sk: { S: 'CASE' } };

const start = (dataDir: string): Promise<Runtime> =>
  startRuntime({ manifest, root: ROOT, dataDir, host: '127.0.0.1', port: 0, edgePort: 0, clock: new VirtualClock('2026-11-26T02:00:00Z'), log: () => {} });

/** A data directory with a running workflow (a day-long Wait) and a case item, the runtime running on it. */
async function seeded(): Promise<{ dir: string; runtime: Runtime }> {
  const dir = mkdtempSync(join(tmpdir(), 'integrity-'));
  const runtime = await start(dir);
  const sfn = new SFNClient({ endpoint: runtime.edgeUrl, region: 'us-east-1', credentials: runtime.credentials });
  const { stateMachineArn } = await sfn.send(
    new CreateStateMachineCommand({ name: 'integrity-probe', roleArn: 'arn:aws:iam::000000000000:role/probe', definition: JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'Wait', States: { Wait: { Type: 'Wait', Seconds: 86_400, End: true } } }) }),
  );
  await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'order-probe' }));
  sfn.destroy();
  const ddb = new DynamoDBClient({ endpoint: runtime.edgeUrl, region: 'us-east-1', credentials: runtime.credentials });
  await ddb.send(new PutItemCommand({ TableName: table, Item: { ...probeKey, note: { S: 'kept' } } }));
  ddb.destroy();
  return { dir, runtime };
}

function dropWal(path: string): void {
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
}

function npmStart(dataDir: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, ['cli/start.ts', '--data', dataDir, '--port', '0', '--edge-port', '0'], { cwd: ROOT, timeout: 120_000 }, (error, _stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stderr });
    });
  });
}

describe('a damaged data directory', () => {
  it('stops npm start with exit 2 and one line naming an emptied dynamodb.sqlite while workflows still run', async () => {
    const { dir, runtime } = await seeded();
    await runtime.stop();
    const dynamo = join(dir, STORE_FILES.dynamodb);
    dropWal(dynamo);
    truncateSync(dynamo, 0);
    const run = await npmStart(dir);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(new RegExp(`^start: ${dynamo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} holds no items \\(0 bytes\\) while 1 workflows are running .*restore the file from a backup \\(npm run -s backup -- <dir>`));
    expect(statSync(dynamo).size).toBe(0); // nothing was started on it
  }, 120_000);

  it('refuses a store with 64 KB of garbage inside, naming it', async () => {
    const { dir, runtime } = await seeded();
    await runtime.stop();
    const sfnFile = join(dir, STORE_FILES.sfn);
    dropWal(sfnFile);
    const fd = openSync(sfnFile, 'r+');
    writeSync(fd, randomFillSync(Buffer.alloc(64 * 1024)), 0, 64 * 1024, 4096);
    closeSync(fd);
    const refused = start(dir);
    await expect(refused).rejects.toBeInstanceOf(DataDirDamaged);
    await expect(refused).rejects.toThrow(sfnFile);
    // The lock was let go: a restored directory starts.
    expect(existsSync(join(dir, 'runtime.pid'))).toBe(false);
  }, 120_000);

  it('is restored from a backup taken while the platform ran: backup, damage, copy the file back, start with the case and the workflow', async () => {
    const { dir, runtime } = await seeded();
    const backup = join(mkdtempSync(join(tmpdir(), 'backup-')), 'copy');
    let result;
    try {
      result = await backupDataDir(dir, backup);
    } finally {
      await runtime.stop();
    }
    expect(result.stores.sort()).toEqual(Object.values(STORE_FILES).sort());
    expect(result.files).toEqual(expect.arrayContaining([join('identity', 'jwt-signing-key')]));

    const dynamo = join(dir, STORE_FILES.dynamodb);
    dropWal(dynamo);
    truncateSync(dynamo, 0);
    await expect(start(dir)).rejects.toBeInstanceOf(DataDirDamaged);

    // The documented restore: with the platform stopped, the file (and no stale -wal/-shm) back from the backup.
    dropWal(dynamo);
    copyFileSync(join(backup, STORE_FILES.dynamodb), dynamo);
    const restored = await start(dir);
    try {
      const ddb = new DynamoDBClient({ endpoint: restored.edgeUrl, region: 'us-east-1', credentials: restored.credentials });
      expect((await ddb.send(new GetItemCommand({ TableName: table, Key: probeKey }))).Item?.note?.S).toBe('kept');
      ddb.destroy();
    } finally {
      await restored.stop();
    }
  }, 120_000);
});
