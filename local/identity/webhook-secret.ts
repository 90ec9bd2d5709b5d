import { join } from 'node:path';
import { Env } from '../../platform/environment.ts';
import { readOrCreateSecret } from './secret-file.ts';

/** Where a data directory keeps the storefront webhook secret. */
export const WEBHOOK_SECRET_FILE = join('identity', 'storefront-webhook-secret');

/** The storefront webhook secret: `STOREFRONT_WEBHOOK_SECRET` if set, else generated once into the data directory. */
export function webhookSecret(dataDir: string, read: (path: string) => string = readOrCreateSecret): string {
  const fromEnv = process.env[Env.webhookSecret];
  if (fromEnv) return fromEnv;
  return read(join(dataDir, WEBHOOK_SECRET_FILE));
}

/** The key of the staff API's page tokens: generated once into the data directory, so tokens survive a restart. */
export function pageTokenSecret(dataDir: string): string {
  return readOrCreateSecret(join(dataDir, 'identity', 'page-token-key'));
}
