/**
 * Where the webhook secret comes from: the value itself in `STOREFRONT_WEBHOOK_SECRET` (the local
 * runtime sets it), else the Secrets Manager secret named by `STOREFRONT_WEBHOOK_SECRET_ARN` (the
 * CDK stack sets it and grants the read). Read once per cold start.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { Env } from '../../app/environment.ts';
import { MissingConfiguration } from '../shared/errors.ts';
import type { EnvSource } from '../shared/config.ts';

export class WebhookSecretUnavailable extends Error {
  override readonly name = 'WebhookSecretUnavailable';
  readonly status = 503;
  constructor(arn: string) {
    super(`secret ${arn} has no string value`);
  }
}

export function webhookSecretSource(env: EnvSource = process.env, client: () => SecretsManagerClient = () => new SecretsManagerClient({})): () => Promise<string> {
  let cached: Promise<string> | undefined;
  return () => {
    cached ??= read(env, client).catch((error: unknown) => {
      cached = undefined; // try again on the next request
      throw error;
    });
    return cached;
  };
}

async function read(env: EnvSource, client: () => SecretsManagerClient): Promise<string> {
  const value = env[Env.webhookSecret];
  if (value !== undefined && value !== '') return value;
  const arn = env[Env.webhookSecretArn];
  if (arn === undefined || arn === '') throw new MissingConfiguration(`${Env.webhookSecret} or ${Env.webhookSecretArn}`);
  const result = await client().send(new GetSecretValueCommand({ SecretId: arn }));
  if (result.SecretString === undefined || result.SecretString === '') throw new WebhookSecretUnavailable(arn);
  return result.SecretString;
}
