/**
 * The data directory is the platform user's alone (issue 21 item 10: the data files were 0644):
 * after the real runtime starts, every directory under it is 0700 and every file 0600 — the
 * stores, their WAL files, the keys, the accounts, the lock — including those an older runtime
 * left readable.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifest } from '../../../app/manifest.ts';
import { VirtualClock } from '../../../core/time/clock.ts';
import { startRuntime } from '../../../local/runtime/runtime.ts';

function modes(dir: string, root = dir): [string, string][] {
  const found: [string, string][] = [[relative(root, dir) || '.', (statSync(dir).mode & 0o777).toString(8)]];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...modes(path, root));
    else if (entry.isFile()) found.push([relative(root, path), (statSync(path).mode & 0o777).toString(8)]);
  }
  return found;
}

describe('the data directory\'s permissions', () => {
  it('are 0700 for every directory and 0600 for every file once the runtime has started, an older readable directory included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'perms-'));
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'identity'), { mode: 0o755 });
    writeFileSync(join(dir, 'identity', 'accounts.json'), '{"version":1,"accounts":[]}\n', { mode: 0o644 });
    const runtime = await startRuntime({ manifest, root: process.cwd(), dataDir: dir, host: '127.0.0.1', port: 0, edgePort: 0, clock: new VirtualClock('2026-11-26T02:00:00Z'), log: () => {} });
    try {
      const found = modes(dir);
      expect(found.length).toBeGreaterThan(6);
      expect(found.map(([path]) => path)).toEqual(expect.arrayContaining(['identity/jwt-signing-key', 'identity/accounts.json', 'runtime.lock']));
      expect(found.filter(([, mode]) => mode !== '700' && mode !== '600')).toEqual([]);
      for (const [path, mode] of found) expect([path, mode]).toEqual([path, statSync(join(dir, path)).isDirectory() ? '700' : '600']);
    } finally {
      await runtime.stop();
    }
  });
});
