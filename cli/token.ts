/** `npm run -s token -- --user <name> --roles <role,role> [--data <dir>]`: a signed local staff token on stdout. */
import { parseArgs } from 'node:util';
import { dataDir } from '../local/data-dir.ts';
import { issueToken, signingKey } from '../local/identity/tokens.ts';
import { platformClock } from '../local/runtime/platform-clock.ts';
import { policyFrom } from './sla/options.ts';

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
const known = [...policyFrom(values.policy).roles.keys()];
const unknown = roles.filter((r) => !known.includes(r));
if (roles.length === 0) fail('--roles lists no role');
if (unknown.length) fail(`unknown role(s) ${unknown.join(', ')} (roles: ${known.join(', ')})`);
// Valid on the platform's clock, which `npm start -- --time` may have moved.
const directory = dataDir(values.data);
const token = await issueToken({ user: values.user.trim(), roles, key: signingKey(directory), nowSeconds: Math.floor(platformClock(directory).now() / 1000) });
process.stdout.write(`${token}\n`);
