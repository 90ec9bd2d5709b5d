import { mkdtempSync } from 'node:fs';
import { edgeClientConfig } from '../../../local/runtime/edge-client.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { manifest } from '../../../app/manifest.ts';
import { Env } from '../../../platform/environment.ts';
import { VirtualClock } from '../../../core/time/clock.ts';
import { AccountStore, accountsPath } from '../../../local/identity/accounts.ts';
import { startupBanner } from '../../../local/runtime/banner.ts';
import { DataDirInUse } from '../../../local/runtime/data-lock.ts';
import { startRuntime, type RuntimeOptions } from '../../../local/runtime/runtime.ts';


function options(dataDir: string): RuntimeOptions {
  return { manifest, root: process.cwd(), dataDir, host: '127.0.0.1', port: 0, edgePort: 0, clock: new VirtualClock('2026-11-26T02:00:00Z'), log: () => {} };
}

describe('the local runtime', () => {
  it('serves every emulated AWS API on one edge port, sets the endpoint variables for handlers and signs in accounts of its data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runtime-'));
    await new AccountStore(accountsPath(dir), ['ops-cs'], () => 0, { N: 1024, r: 8, p: 1 }).add('alice', ['ops-cs'], 'alice-password');
    const runtime = await startRuntime(options(dir));
    try {
      expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toBe(runtime.edgeUrl);
      expect(process.env.AWS_ENDPOINT_URL_SFN).toBe(runtime.edgeUrl);
      const ddb = new DynamoDBClient(edgeClientConfig(runtime));
      const tables = await ddb.send(new ListTablesCommand({}));
      for (const table of manifest.tables) {
        expect(tables.TableNames).toContain(runtime.names.physical(table.id));
        expect(process.env[Env.table(table.id)]).toBe(runtime.names.physical(table.id));
      }
      ddb.destroy();
      const sfn = new SFNClient(edgeClientConfig(runtime));
      const machines = await sfn.send(new ListStateMachinesCommand({}));
      expect(machines.stateMachines?.map((m) => m.name).sort()).toEqual(manifest.workflows.map((w) => runtime.names.physical(w.id)).sort());
      sfn.destroy();
      const health = await fetch(`${runtime.apiUrl}/nope`);
      expect(health.status).toBe(404);

      const signIn = await fetch(`${runtime.apiUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'alice', password: 'alice-password' }) });
      expect(signIn.status).toBe(200);
      const { token, expiresAt } = (await signIn.json()) as { token: string; expiresAt: string };
      expect(expiresAt).toBe('2026-11-26T22:00:00+08:00');
      const queue = await fetch(`${runtime.apiUrl}/queue`, { headers: { authorization: `Bearer ${token}` } });
      expect([queue.status, await queue.json()]).toEqual([200, { items: [], rosterGaps: [] }]);
      expect(startupBanner(runtime, dir, 1000, Date.parse('2026-11-26T02:00:00Z'))).toContain('npm run -s user -- add alice --roles ops-cs,supervisor');
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
