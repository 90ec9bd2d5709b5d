/**
 * `npm run -s token -- --user <name> --roles <role,role> [--data <dir>]`: a signed local staff token
 * on stdout, signed with the running platform's key (its data directory from the pointer npm start
 * writes, or DATA_DIR / --data). A directory without a key is refused: a new key would sign tokens
 * the platform rejects.
 */
import { parseArgs } from 'node:util';
import { AccountStore, accountsPath } from '../local/identity/accounts.ts';
import { existingSigningKey, issueToken, SIGNING_KEY_FILE } from '../local/identity/tokens.ts';
import { platformClock } from '../local/runtime/platform-clock.ts';
import { platformDataDir } from '../local/runtime/running.ts';
import { policyFrom } from './sla/options.ts';
import { OPERATOR } from '../functions/staff-api/policy-version-schemas.ts';

function fail(message: string): never {
  process.stderr.write(`token: ${message}\n`);
  process.exit(2);
}

let values: { user?: string; roles?: string; data?: string; policy?: string };
try {
  ({ values } = parseArgs({ options: { user: { type: 'string' }, roles: { type: 'string' }, data: { type: 'string' }, policy: { type: 'string' } }, strict: true }));
} catch (error) {
  fail((error as Error).message.split('\n')[0] ?? 'bad arguments');
}
if (!values.user?.trim()) fail('--user <name> is required');
if (!values.roles) fail('--roles <role,role> is required');
const roles = values.roles.split(',').map((r) => r.trim()).filter(Boolean);
const known = [...policyFrom(values.policy).roles.keys(), OPERATOR];
const unknown = roles.filter((r) => !known.includes(r));
if (roles.length === 0) fail('--roles lists no role');
if (unknown.length) fail(`unknown role(s) ${unknown.join(', ')} (roles: ${known.join(', ')})`);
let directory: string;
try {
  const found = platformDataDir(SIGNING_KEY_FILE, values.data);
  if (found.note !== undefined) process.stderr.write(`token: ${found.note}\n`);
  directory = found.dataDir;
} catch (error) {
  fail((error as Error).message);
}
// Valid on the platform's clock, which `npm start -- --time` may have moved.
// Of the user's current token generation: a removed or re-passworded user's older tokens stay revoked, these work.
const generation = new AccountStore(accountsPath(directory), known, () => platformClock(directory).now()).tokenGeneration(values.user.trim());
const token = await issueToken({ user: values.user.trim(), roles, key: existingSigningKey(directory), nowSeconds: Math.floor(platformClock(directory).now() / 1000), generation });
process.stdout.write(`${token}\n`);
