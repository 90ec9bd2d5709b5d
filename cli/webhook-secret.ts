/**
 * `npm run -s webhook-secret [-- --data <dir>]`: the storefront webhook secret the running platform
 * checks signatures with (its data directory from the pointer npm start writes, or DATA_DIR /
 * --data); never creates one.
 */
import { parseArgs } from 'node:util';
import { Env } from '../platform/environment.ts';
import { readExisting } from '../local/identity/secret-file.ts';
import { WEBHOOK_SECRET_FILE, webhookSecret } from '../local/identity/webhook-secret.ts';
import { platformDataDir } from '../local/runtime/running.ts';

try {
  const { values } = parseArgs({ options: { data: { type: 'string' } }, strict: true });
  if (process.env[Env.webhookSecret]) process.stdout.write(`${process.env[Env.webhookSecret]}\n`);
  else {
    const found = platformDataDir(WEBHOOK_SECRET_FILE, values.data);
    if (found.note !== undefined) process.stderr.write(`webhook-secret: ${found.note}\n`);
    process.stdout.write(`${webhookSecret(found.dataDir, readExisting)}\n`);
  }
} catch (error) {
  process.stderr.write(`webhook-secret: ${(error as Error).message.split('\n')[0]}\n`);
  process.exitCode = 2;
}
