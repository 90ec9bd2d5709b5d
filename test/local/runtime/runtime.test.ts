import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { manifest } from '../../../app/manifest.ts';
import { Env } from '../../../app/environment.ts';
import { VirtualClock } from '../../../core/time/clock.ts';
import { DataDirInUse } from '../../../local/runtime/data-lock.ts';
import { startRuntime, type RuntimeOptions } from '../../../local/runtime/runtime.ts';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

function options(dataDir: string): RuntimeOptions {
  return { manifest, root: process.cwd(), dataDir, host: '127.0.0.1', port: 0, edgePort: 0, clock: new VirtualClock('2026-11-26T02:00:00Z'), log: () => {} };
}

describe('the local runtime', () => {
  it('serves every emulated AWS API on one edge port and sets the endpoint variables for handlers', async () => {
    const runtime = await startRuntime(options(mkdtempSync(join(tmpdir(), 'runtime-'))));
    try {
      expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toBe(runtime.edgeUrl);
      expect(process.env.AWS_ENDPOINT_URL_SFN).toBe(runtime.edgeUrl);
      const ddb = new DynamoDBClient({ endpoint: runtime.edgeUrl, region: 'us-east-1', credentials });
      const tables = await ddb.send(new ListTablesCommand({}));
      for (const table of manifest.tables) {
        expect(tables.TableNames).toContain(runtime.names.physical(table.id));
        expect(process.env[Env.table(table.id)]).toBe(runtime.names.physical(table.id));
      }
      ddb.destroy();
      const sfn = new SFNClient({ endpoint: runtime.edgeUrl, region: 'us-east-1', credentials });
      const machines = await sfn.send(new ListStateMachinesCommand({}));
      expect(machines.stateMachines?.map((m) => m.name).sort()).toEqual(manifest.workflows.map((w) => runtime.names.physical(w.id)).sort());
      sfn.destroy();
      const health = await fetch(`${runtime.apiUrl}/nope`);
      expect(health.status).toBe(404);
    } finally {
      await runtime.stop();
    }
  });

  it('refuses a second runtime on the same data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runtime-'));
    const runtime = await startRuntime(options(dir));
    try {
      await expect(startRuntime(options(dir))).rejects.toBeInstanceOf(DataDirInUse);
    } finally {
      await runtime.stop();
    }
  });
});
