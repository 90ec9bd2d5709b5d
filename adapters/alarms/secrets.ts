/**
 * Resolves a channel's secret reference: an environment variable's value (the local home), or a
 * Secrets Manager secret's string (AWS). Values are cached for the life of the process.
 */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SecretRef } from '../../core/alarms/routing.ts';

/** A referenced secret has no value. */
export class AlarmSecretMissing extends Error {
  override readonly name = 'AlarmSecretMissing';
  constructor(readonly reference: string) {
    super(`the alarm channel's secret ${reference} has no value`);
  }
}

export type SecretResolver = (ref: SecretRef) => Promise<string>;

export function secretResolver(env: Readonly<Record<string, string | undefined>>, client: () => SecretsManagerClient): SecretResolver {
  const cache = new Map<string, Promise<string>>();
  return (ref) => {
    if ('env' in ref) {
      const value = env[ref.env];
      return value === undefined || value === '' ? Promise.reject(new AlarmSecretMissing(`environment variable ${ref.env}`)) : Promise.resolve(value);
    }
    let cached = cache.get(ref.secretsManager);
    if (cached === undefined) {
      cached = client()
        .send(new GetSecretValueCommand({ SecretId: ref.secretsManager }))
        .then((result) => {
          if (result.SecretString === undefined || result.SecretString === '') throw new AlarmSecretMissing(`Secrets Manager ${ref.secretsManager}`);
          return result.SecretString;
        });
      cached.catch(() => cache.delete(ref.secretsManager));
      cache.set(ref.secretsManager, cached);
    }
    return cached;
  };
}
