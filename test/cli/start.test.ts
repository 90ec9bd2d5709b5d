/**
 * `npm start -- --policy <file>` and SLA_POLICY_PATH: a policy file with a mistake is refused
 * before anything starts — exit 2, one line naming the field, as `sla check` names it. (A good
 * file running the platform: test/local/runtime/policy.test.ts.)
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function start(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, ['cli/start.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

function badPolicy(dir: string): string {
  const text = readFileSync(join(ROOT, 'policy/default-policy.json'), 'utf8').replace('"kind": "business-minutes", "minutes": 60', '"kind": "business-minutes", "minutes": -5');
  const path = join(dir, 'store-policy.json');
  writeFileSync(path, text);
  return path;
}

describe('npm start on a policy file', () => {
  it('exits 2 naming the field of a bad --policy file, before creating anything in the data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-policy-'));
    const data = join(dir, 'data');
    const path = badPolicy(dir);
    const run = await start(['--policy', path, '--data', data, '--port', '0', '--edge-port', '0']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`start: policy ${path} is invalid: steps["order.pack"].rule.minutes: expected a number above 0\n`);
    expect(readdirSync(dir)).toEqual(['store-policy.json']);
  }, 60_000);

  it('reads SLA_POLICY_PATH the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-policy-'));
    const run = await start(['--data', join(dir, 'data'), '--port', '0', '--edge-port', '0'], { SLA_POLICY_PATH: join(dir, 'missing.json') });
    expect([run.code, run.stderr]).toEqual([2, `start: policy ${join(dir, 'missing.json')} is invalid: file not found\n`]);
  }, 60_000);
});

describe('npm start on a data directory that remembers its policy and clock', () => {
  it('refuses another --policy in one line naming --change-policy (exit 2), before starting anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-memory-'));
    const data = join(dir, 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'policy-path.json'), JSON.stringify({ path: join(dir, 'store-policy.json') }));
    const run = await start(['--data', data, '--port', '0', '--edge-port', '0', '--policy', join(ROOT, 'policy/default-policy.json')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^start: --policy \S+default-policy\.json: \S+ last ran on \S+store-policy\.json; .* add --change-policy to switch \(or use another --data\)\n$/);
    expect(readdirSync(data)).toEqual(['policy-path.json']);
  }, 60_000);

  it('refuses --time on a directory that ran on the system clock, recommending a separate --data (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-memory-'));
    writeFileSync(join(dir, 'accounts.json'), '[]');
    const run = await start(['--data', dir, '--port', '0', '--edge-port', '0', '--time', '2026-12-24T09:00:00+08:00']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^start: --time: \S+ already holds cases timed on the system clock; .* rehearse on a separate --data \(e\.g\. --data \.rehearsal-data\), or add --change-clock\n$/);
  }, 60_000);
});
