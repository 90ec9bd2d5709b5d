/**
 * The people of the local home: the accounts file `npm run user` keeps (local/identity/accounts.ts,
 * `<data>/identity/accounts.json`), read on each call so an added account is a person at once.
 * Only names, display names and roles are read; never the password hashes.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { PeopleDirectory, Person } from '../../core/people/person.ts';

const accountsFile = z.object({
  accounts: z.array(z.object({ name: z.string(), displayName: z.string().optional(), roles: z.array(z.string()) })),
});

export class AccountsFileDirectory implements PeopleDirectory {
  constructor(private readonly path: string) {}

  list(): Promise<Person[]> {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Promise.resolve([]);
      throw error;
    }
    const file = accountsFile.parse(JSON.parse(text));
    return Promise.resolve(file.accounts.map((a) => ({ id: a.name, name: a.displayName ?? a.name, roles: a.roles, active: true })));
  }
}
