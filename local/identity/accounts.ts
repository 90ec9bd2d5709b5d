/**
 * Local staff accounts (the local home's stand-in for a Cognito user pool), kept in
 * `<data>/identity/accounts.json`: name, roles (the policy's role ids, service-standards.md §1)
 * and an scrypt password hash. Every change rewrites the file durably (durable-file.ts); the
 * file is read on each use, so accounts the CLI changes apply to a running runtime at once.
 *
 * Revocation: each user has a token generation (0 until first bumped) that every token carries
 * (tokens.ts, TOKEN_GENERATION_CLAIM). `remove` and `setPassword` bump it, so the user's earlier
 * tokens stop working at once on the next request (the gateway checks it on each one). It outlives
 * the account, so adding the name again does not revive old tokens.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from './durable-file.ts';
import { AccountExists, AccountsFileInvalid, AccountsFileUnwritable, InvalidAccountInput, UnknownAccount } from './errors.ts';
import { decoyHash, hashPassword, SCRYPT_COST, verifyPassword, type ScryptCost } from './passwords.ts';
import { isWriteFault } from '../storage/write-faults.ts';

export interface Account {
  name: string;
  /** A display name (姓名) for the console and rosters (issue 23); absent: `name`. */
  displayName?: string;
  roles: string[];
  /** `scrypt$N$r$p$salt$key` (passwords.ts). */
  passwordHash: string;
  createdAt: string;
  passwordChangedAt: string;
}

/** What a listing shows: never the hash. */
export type AccountSummary = Omit<Account, 'passwordHash'>;

interface AccountsFile {
  version: 1;
  accounts: Account[];
  /** Per user name: the generation current tokens carry; absent = 0. */
  tokenGenerations?: Record<string, number>;
}

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
export const MIN_PASSWORD_LENGTH = 8;

export function accountsPath(dataDir: string): string {
  return join(dataDir, 'identity', 'accounts.json');
}

export class AccountStore {
  /** The file as last read, with the stat it was read at: requests check token generations without re-parsing. */
  private cached: { stamp: string; file: AccountsFile } | undefined;

  constructor(
    private readonly path: string,
    /** The roles accounts may hold (the policy's role ids). */
    private readonly knownRoles: readonly string[],
    /** Epoch ms, for the record's timestamps. */
    private readonly now: () => number,
    /** The scrypt cost of new hashes (tests lower it; stored hashes carry their own). */
    private readonly cost: ScryptCost = SCRYPT_COST,
  ) {}

  list(): AccountSummary[] {
    return this.read().accounts.map(({ passwordHash: _hash, ...rest }) => rest);
  }

  async add(name: string, roles: readonly string[], password: string, displayName?: string): Promise<AccountSummary> {
    checkName(name);
    const shown = displayName?.trim();
    if (displayName !== undefined && (shown === '' || [...(shown ?? '')].length > 64)) throw new InvalidAccountInput('--display-name must be 1–64 characters');
    const checkedRoles = this.checkRoles(roles);
    checkPassword(password);
    const file = this.read();
    if (file.accounts.some((a) => a.name === name)) throw new AccountExists(name);
    const at = new Date(this.now()).toISOString();
    const named = shown !== undefined ? { displayName: shown } : {};
    const account: Account = { name, ...named, roles: checkedRoles, passwordHash: await hashPassword(password, this.cost), createdAt: at, passwordChangedAt: at };
    this.write({ ...file, accounts: [...file.accounts, account] });
    return { name, ...named, roles: checkedRoles, createdAt: at, passwordChangedAt: at };
  }

  remove(name: string): void {
    const file = this.read();
    if (!file.accounts.some((a) => a.name === name)) throw new UnknownAccount(name);
    this.write({ ...file, accounts: file.accounts.filter((a) => a.name !== name), tokenGenerations: bumped(file, name) });
  }

  async setPassword(name: string, password: string): Promise<void> {
    checkPassword(password);
    const file = this.read();
    const account = file.accounts.find((a) => a.name === name);
    if (!account) throw new UnknownAccount(name);
    const passwordHash = await hashPassword(password, this.cost);
    const passwordChangedAt = new Date(this.now()).toISOString();
    this.write({ ...file, accounts: file.accounts.map((a) => (a.name === name ? { ...a, passwordHash, passwordChangedAt } : a)), tokenGenerations: bumped(file, name) });
  }

  /** The generation `name`'s valid tokens carry (0 for a name never removed nor re-passworded). */
  tokenGeneration(name: string): number {
    return generationOf(this.read(), name);
  }

  /** The account when `password` is its password, else undefined; an unknown name costs a hash too. */
  async verify(name: string, password: string): Promise<AccountSummary | undefined> {
    const account = this.read().accounts.find((a) => a.name === name);
    const matches = await verifyPassword(password, account?.passwordHash ?? (await decoyHash(this.cost)));
    if (!account || !matches) return undefined;
    const { passwordHash: _hash, ...summary } = account;
    return summary;
  }

  private checkRoles(roles: readonly string[]): string[] {
    const unique = [...new Set(roles.map((r) => r.trim()).filter(Boolean))];
    if (unique.length === 0) throw new InvalidAccountInput('--roles lists no role');
    const unknown = unique.filter((r) => !this.knownRoles.includes(r));
    if (unknown.length) throw new InvalidAccountInput(`unknown role(s) ${unknown.join(', ')} (roles: ${this.knownRoles.join(', ')})`);
    return unique;
  }

  private read(): AccountsFile {
    let text: string;
    let stamp: string;
    try {
      // Writes replace the file by rename (a new inode), so the stat tells a changed file.
      const stat = statSync(this.path);
      stamp = `${stat.ino}/${stat.size}/${stat.mtimeMs}`;
      if (this.cached?.stamp === stamp) return this.cached.file;
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, accounts: [] };
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new AccountsFileInvalid(`${this.path} is not valid JSON; restore it from a backup or delete it to start over`);
    }
    if (!isAccountsFile(parsed)) throw new AccountsFileInvalid(`${this.path} is not an accounts file this runtime wrote`);
    this.cached = { stamp, file: parsed };
    return parsed;
  }

  /** Throws AccountsFileUnwritable on a full disk or an unwritable directory (the old file stands). */
  private write(file: AccountsFile): void {
    try {
      writeFileDurably(this.path, `${JSON.stringify(file, null, 2)}\n`);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (isWriteFault(error) || code === 'EACCES' || code === 'EPERM') throw new AccountsFileUnwritable(this.path, code ?? 'I/O error');
      throw error;
    }
  }
}

function bumped(file: AccountsFile, name: string): Record<string, number> {
  return { ...file.tokenGenerations, [name]: generationOf(file, name) + 1 };
}

function generationOf(file: AccountsFile, name: string): number {
  const generation = Object.hasOwn(file.tokenGenerations ?? {}, name) ? file.tokenGenerations?.[name] : undefined;
  return typeof generation === 'number' && Number.isInteger(generation) && generation > 0 ? generation : 0;
}

function checkName(name: string): void {
  if (!NAME_RE.test(name)) throw new InvalidAccountInput(`name "${name}" must be 1–64 letters, digits or . _ @ - (starting with a letter or digit)`);
}

function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new InvalidAccountInput(`--password must be at least ${MIN_PASSWORD_LENGTH} characters`);
}

function isAccountsFile(value: unknown): value is AccountsFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<AccountsFile>;
  return (
    file.version === 1 &&
    Array.isArray(file.accounts) &&
    file.accounts.every((a) => typeof a.name === 'string' && Array.isArray(a.roles) && a.roles.every((r) => typeof r === 'string') && typeof a.passwordHash === 'string')
  );
}
