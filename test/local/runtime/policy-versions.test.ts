/**
 * The runtime's start and the stored policy (issue 25): the first start stores its policy file as
 * version 1; a later start with another file imports it as a new version, logged; the same file
 * again imports nothing, so versions published since stand.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifest } from '../../../app/manifest.ts';
import { VirtualClock } from '../../../core/time/clock.ts';
import { dependencies } from '../../../functions/shared/dependencies.ts';
import { startRuntime } from '../../../local/runtime/runtime.ts';
import { readPolicyMirror } from '../../../local/runtime/policy-mirror.ts';
import { DEFAULT_POLICY_PATH } from '../../../policy/load.ts';

async function startOn(dataDir: string, policyPath: string | undefined, log: string[]) {
  const runtime = await startRuntime({
    manifest,
    root: process.cwd(),
    dataDir,
    host: '127.0.0.1',
    port: 0,
    edgePort: 0,
    clock: new VirtualClock('2026-12-07T10:00:00+08:00'),
    log: (message) => log.push(message),
    ...(policyPath !== undefined ? { policyPath } : {}),
  });
  const versions = await dependencies().policyVersions!.list();
  await runtime.stop();
  return versions;
}

describe('starting the runtime on a data directory', () => {
  it('stores the default as version 1, imports a new --policy file once as a new version, and mirrors the version in force', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'policy-start-'));
    const log: string[] = [];
    expect((await startOn(dataDir, undefined, log)).map((v) => [v.version, v.source])).toEqual([[1, 'default']]);
    expect(log).toContain('policy version 1 stored: shipped default policy');

    const file = join(mkdtempSync(join(tmpdir(), 'policy-file-')), 'store.json');
    const doc = JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as { warnAt: number };
    doc.warnAt = 0.7;
    writeFileSync(file, JSON.stringify(doc));
    const second = await startOn(dataDir, file, log);
    expect(second.map((v) => [v.version, v.source, v.reason])).toEqual([
      [2, 'file', `imported from --policy ${file} at start`],
      [1, 'default', 'shipped default policy'],
    ]);
    expect(log).toContain(`policy version 2 stored: imported from --policy ${file} at start`);

    expect((await startOn(dataDir, file, log)).map((v) => v.version)).toEqual([2, 1]);
    expect(readPolicyMirror(dataDir)).toMatchObject({ version: 2, document: { warnAt: 0.7 } });
  }, 120_000);
});
