/**
 * `npm run -s user -- add|list|remove|passwd`: accounts in the data directory; a mistake exits 2
 * with one line naming it. The commands run in-process (the same function the CLI runs); one run
 * goes through npm to check the script's exact form.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runUserCommand } from '../../cli/user/user-command.ts';
import { AccountStore, accountsPath } from '../../local/identity/accounts.ts';
import { mountSmallFilesystem } from '../support/small-filesystem.ts';
import { writePolicyMirror } from '../../local/runtime/policy-mirror.ts';
import type { PolicyVersion } from '../../core/policy-versions/version.ts';
import { DEFAULT_POLICY_PATH } from '../../policy/load.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NOW = Date.parse('2026-11-30T09:00:00+08:00');

async function user(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runUserCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l), now: () => NOW });
  return { code, out, err };
}

const canSignIn = (dir: string, name: string, password: string) => new AccountStore(accountsPath(dir), ['ops-cs'], () => NOW).verify(name, password);

describe('user command', () => {
  it('on a full disk says which file it could not write, exits 1 and leaves the accounts as they were', async () => {
    const fs = mountSmallFilesystem(4);
    try {
      expect((await user('add', 'alice', '--roles', 'ops-cs', '--password', 'alice-password', '--data', fs.dir)).code).toBe(0);
      fs.fill();
      const refused = await user('add', 'bob', '--roles', 'ops-cs', '--password', 'bob-password-1', '--data', fs.dir);
      expect(refused.code).toBe(1);
      expect(refused.err).toEqual([`user: cannot write ${accountsPath(fs.dir)} (ENOSPC); nothing was changed: free space or fix the directory's permissions and run the command again`]);
      fs.free();
      expect((await user('list', '--data', fs.dir)).out.map((l) => l.split('\t')[0])).toEqual(['alice']);
    } finally {
      fs.unmount();
    }
  });

  it('adds with a given or a generated password, lists, changes the password and removes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'user-cli-'));
    expect(await user('add', 'alice', '--roles', 'ops-cs,supervisor', '--password', 'alice-password', '--data', dir)).toEqual({ code: 0, out: ['added alice (ops-cs, supervisor)'], err: [] });
    const generated = await user('add', 'bob', '--roles', 'picker', '--data', dir);
    expect(generated.code).toBe(0);
    expect(generated.out).toHaveLength(1);
    expect(generated.out[0]).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await canSignIn(dir, 'bob', generated.out[0] as string)).toMatchObject({ name: 'bob', roles: ['picker'] });

    expect((await user('list', '--data', dir)).out).toEqual(['alice\tops-cs,supervisor\tcreated 2026-11-30T01:00:00.000Z', 'bob\tpicker\tcreated 2026-11-30T01:00:00.000Z']);
    expect((await user('passwd', 'alice', '--password', 'new-alice-password', '--data', dir)).out).toEqual(['changed the password of alice']);
    expect(await canSignIn(dir, 'alice', 'alice-password')).toBeUndefined();
    expect(await canSignIn(dir, 'alice', 'new-alice-password')).toMatchObject({ name: 'alice' });
    expect(await user('remove', 'bob', '--data', dir)).toEqual({ code: 0, out: ['removed bob'], err: [] });
    expect((await user('list', '--data', dir)).out).toHaveLength(1);
  });

  it('takes the roles of the policy version in force in the data directory: a role an operator published needs no restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'user-version-'));
    const document = JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as { roles: Record<string, unknown> };
    document.roles['night-cs'] = { label: '夜班客服 night chat', shifts: [{ from: '20:00', to: '24:00' }] };
    expect((await user('add', 'nina', '--roles', 'night-cs', '--password', 'nina-password', '--data', dir)).err[0]).toContain('unknown role(s) night-cs');
    // What the running platform writes when it loads version 2 (local/runtime/policy-mirror.ts).
    writePolicyMirror(dir, { version: 2, document } as unknown as PolicyVersion);
    expect(await user('add', 'nina', '--roles', 'night-cs', '--password', 'nina-password', '--data', dir)).toMatchObject({ code: 0, err: [] });
  });

  it('exits 2 with one line naming the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'user-cli-'));
    await user('add', 'alice', '--roles', 'ops-cs', '--password', 'alice-password', '--data', dir);
    const cases: [string[], RegExp][] = [
      [['add', 'carol', '--roles', 'ops-cs,wizard', '--data', dir], /^user: unknown role\(s\) wizard \(roles: ops-cs, /],
      [['add', 'carol', '--data', dir], /^user: add needs --roles <role,role>$/],
      [['add', 'carol', '--roles', 'ops-cs', '--password', 'short', '--data', dir], /^user: --password must be at least 8 characters$/],
      [['add', 'alice', '--roles', 'ops-cs', '--data', dir], /^user: an account named alice already exists/],
      [['remove', 'nobody', '--data', dir], /^user: no account named nobody$/],
      [['passwd', '--data', dir], /^user: passwd needs exactly one <name>$/],
      [['list', '--roles', 'x', '--data', dir], /^user: list takes no --roles$/],
      [['rename', 'alice', '--data', dir], /^user: unknown command "rename"/],
      [['add', 'carol', '--role', 'ops-cs', '--data', dir], /^user: add: Unknown option '--role'/],
      [['add', 'carol', '--roles', 'ops-cs', '--policy', join(dir, 'missing.json'), '--data', dir], /^user: policy .*missing\.json is invalid: file not found$/],
    ];
    for (const [args, message] of cases) {
      const run = await user(...args);
      expect({ args, code: run.code, out: run.out, lines: run.err.length }).toEqual({ args, code: 2, out: [], lines: 1 });
      expect(run.err[0]).toMatch(message);
    }
  });

  it('runs as `npm run -s user -- list` on DATA_DIR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'user-cli-'));
    await user('add', 'alice', '--roles', 'ops-cs', '--password', 'alice-password', '--data', dir);
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile('npm', ['run', '-s', 'user', '--', 'list'], { cwd: ROOT, env: { ...process.env, DATA_DIR: dir } }, (error, out) => (error ? reject(error) : resolve(out))),
    );
    expect(stdout).toBe('alice\tops-cs\tcreated 2026-11-30T01:00:00.000Z\n');
  });
});
