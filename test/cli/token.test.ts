/** `npm run token`, spawned as a user runs it (through tsx): it refuses a data directory without the platform's key, and creates none. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SIGNING_KEY_FILE } from '../../local/identity/tokens.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');

describe('npm run token', () => {
  it('refuses a DATA_DIR that holds no platform data with one line naming DATA_DIR, and writes no key there', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'token-empty-'));
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(TSX, [join(ROOT, 'cli/token.ts'), '--user', 'alice', '--roles', 'ops-cs'], { cwd: mkdtempSync(join(tmpdir(), 'token-cwd-')), env: { ...process.env, DATA_DIR: empty } }, (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr }),
      );
    });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `token: DATA_DIR / --data: ${empty} holds no platform data (no ${SIGNING_KEY_FILE}); start the platform with npm start first\n` });
    expect(existsSync(join(empty, SIGNING_KEY_FILE))).toBe(false);
  });
});
