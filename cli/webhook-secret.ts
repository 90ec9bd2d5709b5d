/** `npm run -s webhook-secret [-- --data <dir>]`: the storefront webhook secret the local runtime checks signatures with. */
import { parseArgs } from 'node:util';
import { dataDir } from '../local/data-dir.ts';
import { webhookSecret } from '../local/identity/webhook-secret.ts';

try {
  const { values } = parseArgs({ options: { data: { type: 'string' } }, strict: true });
  process.stdout.write(`${webhookSecret(dataDir(values.data))}\n`);
} catch (error) {
  process.stderr.write(`webhook-secret: ${(error as Error).message.split('\n')[0]}\n`);
  process.exitCode = 2;
}
