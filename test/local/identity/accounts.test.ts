/** Local accounts: scrypt hashes, the accounts file written durably, and role and name checks. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountStore, accountsPath } from '../../../local/identity/accounts.ts';
import { AccountExists, AccountsFileInvalid, InvalidAccountInput, UnknownAccount } from '../../../local/identity/errors.ts';
import { hashPassword, verifyPassword } from '../../../local/identity/passwords.ts';
import { TEST_COST } from './test-cost.ts';

const ROLES = ['ops-cs', 'picker', 'supervisor'];
const NOW = Date.parse('2026-11-30T09:00:00+08:00');
const store = (dir: string): AccountStore => new AccountStore(accountsPath(dir), ROLES, () => NOW, TEST_COST);
const freshDir = (): string => mkdtempSync(join(tmpdir(), 'accounts-'));

describe('passwords', () => {
  it('hashes with scrypt and a fresh salt, and verifies only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse'), hashPassword('correct horse')]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[^$]+\$[^$]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horsE', a)).toBe(false);
    expect(await verifyPassword('correct horse', 'plaintext')).toBe(false);
  });
});

describe('AccountStore', () => {
  it('adds, lists (never the hash), verifies, changes the password of and removes an account', async () => {
    const dir = freshDir();
    const accounts = store(dir);
    await accounts.add('alice', ['ops-cs', 'supervisor'], 'first-password');
    expect(accounts.list()).toEqual([{ name: 'alice', roles: ['ops-cs', 'supervisor'], createdAt: '2026-11-30T01:00:00.000Z', passwordChangedAt: '2026-11-30T01:00:00.000Z' }]);
    expect(readFileSync(accountsPath(dir), 'utf8')).not.toContain('first-password');
    expect(await accounts.verify('alice', 'first-password')).toMatchObject({ name: 'alice', roles: ['ops-cs', 'supervisor'] });
    expect(await accounts.verify('alice', 'wrong-password')).toBeUndefined();
    expect(await accounts.verify('nobody', 'first-password')).toBeUndefined();

    await accounts.setPassword('alice', 'second-password');
    // A new store on the same directory (a restart, or the CLI beside a running runtime) sees the change.
    expect(await store(dir).verify('alice', 'first-password')).toBeUndefined();
    expect(await store(dir).verify('alice', 'second-password')).toMatchObject({ name: 'alice' });

    store(dir).remove('alice');
    expect(accounts.list()).toEqual([]);
    expect(readdirSync(join(dir, 'identity'))).toEqual(['accounts.json']);
  });

  it('refuses unknown roles, bad names, short passwords, duplicates and unknown accounts, naming the problem', async () => {
    const accounts = store(freshDir());
    await expect(accounts.add('bob', ['ops-cs', 'wizard'], 'long-enough')).rejects.toThrow(new InvalidAccountInput('unknown role(s) wizard (roles: ops-cs, picker, supervisor)'));
    await expect(accounts.add('bob', [' '], 'long-enough')).rejects.toThrow('--roles lists no role');
    await expect(accounts.add('bob smith', ['ops-cs'], 'long-enough')).rejects.toThrow(/name "bob smith" must be/);
    await expect(accounts.add('bob', ['ops-cs'], 'short')).rejects.toThrow('--password must be at least 8 characters');
    await accounts.add('bob', ['ops-cs'], 'long-enough');
    await expect(accounts.add('bob', ['picker'], 'long-enough')).rejects.toBeInstanceOf(AccountExists);
    expect(() => accounts.remove('carol')).toThrow(UnknownAccount);
    await expect(accounts.setPassword('carol', 'long-enough')).rejects.toBeInstanceOf(UnknownAccount);
  });

  it('leaves the accounts file whole when a write fails', async () => {
    const dir = freshDir();
    const accounts = store(dir);
    await accounts.add('alice', ['ops-cs'], 'first-password');
    const before = readFileSync(accountsPath(dir), 'utf8');
    // The temporary file's name is taken by a directory: opening it fails as a full disk would.
    mkdirSync(`${accountsPath(dir)}.${process.pid}.tmp`);
    await expect(accounts.add('bob', ['ops-cs'], 'second-password')).rejects.toThrow();
    expect(readFileSync(accountsPath(dir), 'utf8')).toBe(before);
    expect(await accounts.verify('alice', 'first-password')).toMatchObject({ name: 'alice' });
  });

  it('refuses to read an accounts file it did not write', () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'identity'));
    writeFileSync(accountsPath(dir), '{"users": []}');
    expect(() => store(dir).list()).toThrow(AccountsFileInvalid);
  });
});
