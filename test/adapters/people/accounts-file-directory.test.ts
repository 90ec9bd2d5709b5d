/** Locally the people are the accounts of `npm run user` (issue 23): read from the accounts file, display names included, never a hash. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountsFileDirectory } from '../../../adapters/people/accounts-file-directory.ts';
import { AccountStore, accountsPath } from '../../../local/identity/accounts.ts';
import { InvalidAccountInput } from '../../../local/identity/errors.ts';

const FAST = { N: 1024, r: 8, p: 1 } as const;

describe('AccountsFileDirectory', () => {
  it('lists each account as a person with its display name (else its name) and roles, and sees an added account at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'people-'));
    const directory = new AccountsFileDirectory(accountsPath(dir));
    expect(await directory.list()).toEqual([]);
    const accounts = new AccountStore(accountsPath(dir), ['ops-cs', 'supervisor'], () => 0, FAST);
    await accounts.add('li.na', ['ops-cs'], 'password-1', ' 李娜 ');
    await accounts.add('boss', ['ops-cs', 'supervisor'], 'password-1');
    expect(await directory.list()).toEqual([
      { id: 'li.na', name: '李娜', roles: ['ops-cs'], active: true },
      { id: 'boss', name: 'boss', roles: ['ops-cs', 'supervisor'], active: true },
    ]);
    await expect(accounts.add('x', ['ops-cs'], 'password-1', '   ')).rejects.toBeInstanceOf(InvalidAccountInput);
  });
});
