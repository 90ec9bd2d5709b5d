/**
 * The local account commands (api.md "Local home only"; issue 10 fixes their exact form):
 *   user add <name> --roles <role,role> [--password <p>] [--display-name <姓名>]   (no --password: prints a generated one)
 *   user list
 *   user remove <name>
 *   user passwd <name> [--password <p>]                    (no --password: prints a generated one)
 * Every command takes --data <dir> (else DATA_DIR, else .local-data/) and --policy <file> for the
 * roles accounts may hold (else the version in force in the data directory, else SLA_POLICY_PATH,
 * else the file the directory last ran on, else the shipped policy).
 * Bad input: one line on stderr naming the problem, exit 2.
 */
import { Env } from '../../platform/environment.ts';
import { dataDir } from '../../local/data-dir.ts';
import { rememberedPolicy } from '../../local/runtime/start-memory.ts';
import { readPolicyMirror } from '../../local/runtime/policy-mirror.ts';
import { AccountStore, accountsPath } from '../../local/identity/accounts.ts';
import { AccountExists, AccountsFileInvalid, AccountsFileUnwritable, InvalidAccountInput, UnknownAccount } from '../../local/identity/errors.ts';
import { generatePassword } from '../../local/identity/passwords.ts';
import { PolicyInvalid } from '../../policy/errors.ts';
import { parseCommandArgs, policyFrom } from '../sla/options.ts';
import { UsageError } from '../sla/usage-error.ts';
import { OPERATOR } from '../../functions/staff-api/policy-version-schemas.ts';

export interface UserCommandIo {
  out(line: string): void;
  err(line: string): void;
  /** Epoch ms for the accounts' timestamps. */
  now(): number;
}

const USAGE = 'usage: user add <name> --roles <role,role> [--password <p>] [--display-name <name>] | user list | user remove <name> | user passwd <name> [--password <p>]';

/** Runs one command; returns the exit code (0 done, 2 bad input, 1 anything else). */
export async function runUserCommand(argv: readonly string[], io: UserCommandIo): Promise<number> {
  try {
    await run(argv, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof InvalidAccountInput || error instanceof AccountExists || error instanceof UnknownAccount || error instanceof PolicyInvalid) {
      io.err(`user: ${error.message}`);
      return 2;
    }
    io.err(`user: ${error instanceof AccountsFileInvalid || error instanceof AccountsFileUnwritable ? error.message : `failed: ${(error as Error).message}`}`);
    return 1;
  }
}

async function run(argv: readonly string[], io: UserCommandIo): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseCommandArgs(rest, { roles: { type: 'string' }, password: { type: 'string' }, 'display-name': { type: 'string' }, data: { type: 'string' }, policy: { type: 'string' } }, command ?? 'user');
  const expectName = (): string => {
    if (positionals.length !== 1) throw new UsageError(`${command ?? ''} needs exactly one <name>${positionals.length > 1 ? ` (got ${positionals.join(' ')})` : ''}`);
    return positionals[0] as string;
  };
  const only = (allowed: readonly string[]): void => {
    const extra = Object.keys(values).find((k) => !allowed.includes(k));
    if (extra) throw new UsageError(`${command ?? ''} takes no --${extra}`);
  };
  // Roles come from the policy version in force in the data directory (a role an operator published
  // counts at once), else the file it runs on (start-memory.ts); a named --policy wins.
  const directory = dataDir(values.data);
  const policy =
    values.policy === undefined && readPolicyMirror(directory) !== undefined
      ? policyFrom(undefined, directory)
      : policyFrom(values.policy ?? nonEmpty(process.env[Env.policyPath]) ?? rememberedPolicy(directory) ?? undefined);
  const store = new AccountStore(accountsPath(directory), [...policy.roles.keys(), OPERATOR], io.now);
  switch (command) {
    case 'add': {
      only(['roles', 'password', 'display-name', 'data', 'policy']);
      const name = expectName();
      if (values.roles === undefined) throw new UsageError('add needs --roles <role,role>');
      const password = values.password ?? generatePassword();
      const added = await store.add(name, values.roles.split(','), password, values['display-name']);
      if (values.password === undefined) {
        io.out(password);
        io.err(`added ${added.name} (${added.roles.join(', ')}); the generated password is above`);
      } else {
        io.out(`added ${added.name} (${added.roles.join(', ')})`);
      }
      return;
    }
    case 'list': {
      only(['data', 'policy']);
      if (positionals.length) throw new UsageError(`list takes no arguments (got ${positionals.join(' ')})`);
      for (const account of store.list()) io.out(`${account.name}\t${account.roles.join(',')}\tcreated ${account.createdAt}`);
      return;
    }
    case 'remove': {
      only(['data', 'policy']);
      const name = expectName();
      store.remove(name);
      io.out(`removed ${name}`);
      return;
    }
    case 'passwd': {
      only(['password', 'data', 'policy']);
      const name = expectName();
      const password = values.password ?? generatePassword();
      await store.setPassword(name, password);
      if (values.password === undefined) {
        io.out(password);
        io.err(`changed the password of ${name}; the generated password is above`);
      } else {
        io.out(`changed the password of ${name}`);
      }
      return;
    }
    default:
      throw new UsageError(command === undefined ? USAGE : `unknown command "${command}" (${USAGE})`);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
