/**
 * `sla` commands given a data directory (`--data`) compute with the running platform's policy
 * version in force (issue 25), mirrored by the runtime into `policy-current.json` whenever it
 * loads a version: after an operator publishes, the CLI answers under the new version.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_PATH } from '../../policy/load.ts';
import { TestPlatform } from '../e2e/platform.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function sla(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, ['cli/sla.ts', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

let platform: TestPlatform | undefined;
afterAll(() => platform?.stop());

describe('sla --data <dir>: the platform\'s version in force', () => {
  it('answers under version 1 after the first start, and under the version an operator published since', async () => {
    const p = (platform = await TestPlatform.start('2026-12-07T19:40:00+08:00'));
    const opened = ['due', 'order.review', '--opened', '2026-12-07T19:50:00+08:00', '--data', p.dataDir];
    expect(JSON.parse((await sla(...opened)).stdout)).toMatchObject({ due: '2026-12-08T08:20:00+08:00' });

    const document = JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as { roles: Record<string, { shifts: unknown[] }> };
    document.roles['ops-cs']!.shifts = [{ from: '08:00', to: '22:00' }];
    expect((await p.staff('olga', ['operator']).call('POST', '/policy/versions', { document, reason: 'evening cover' })).status).toBe(201);

    expect(JSON.parse((await sla(...opened)).stdout)).toMatchObject({ due: '2026-12-07T20:20:00+08:00' });
    const check = await sla('check', '--data', p.dataDir);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, policy: 'version 2' });
  }, 120_000);

  it('says so when the directory never ran a platform', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'sla-data-'));
    const run = await sla('steps', '--data', empty);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`sla: --data: ${empty} holds no policy version (start the platform on it once)\n`);
  });
});
