import { join } from 'node:path';
import { Env } from '../../app/environment.ts';
import { readOrCreateSecret } from './secret-file.ts';

/** The storefront webhook secret: `STOREFRONT_WEBHOOK_SECRET` if set, else generated once into the data directory. */
export function webhookSecret(dataDir: string): string {
  const fromEnv = process.env[Env.webhookSecret];
  if (fromEnv) return fromEnv;
  return readOrCreateSecret(join(dataDir, 'identity', 'storefront-webhook-secret'));
}

/** The key of the staff API's page tokens: generated once into the data directory, so tokens survive a restart. */
export function pageTokenSecret(dataDir: string): string {
  return readOrCreateSecret(join(dataDir, 'identity', 'page-token-key'));
}
