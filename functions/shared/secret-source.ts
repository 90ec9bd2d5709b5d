/**
 * Where a function's secrets come from: the value itself in an environment variable (the local
 * runtime sets it), else the Secrets Manager secret whose ARN another variable names (the CDK
 * stack sets it and grants the read). Read once per cold start; a failed read is tried again on
 * the next request.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { Env } from '../../platform/environment.ts';
import type { EnvSource } from './config.ts';
import { MissingConfiguration } from './errors.ts';

export class SecretUnavailable extends Error {
  override readonly name = 'SecretUnavailable';
  readonly status = 503;
  constructor(arn: string) {
    super(`secret ${arn} has no string value`);
  }
}

/** The pair of variables naming one secret: its value (local) or its ARN (AWS). */
export interface SecretVariables {
  value: string;
  arn: string;
}

export function secretSource(variables: SecretVariables, env: EnvSource = process.env, client: () => SecretsManagerClient = () => new SecretsManagerClient({})): () => Promise<string> {
  let cached: Promise<string> | undefined;
  return () => {
    cached ??= read(variables, env, client).catch((error: unknown) => {
      cached = undefined; // try again on the next request
      throw error;
    });
    return cached;
  };
}

/** The storefront webhook's HMAC secret (`STOREFRONT_WEBHOOK_SECRET` / `…_ARN`). */
export function webhookSecretSource(env: EnvSource = process.env, client?: () => SecretsManagerClient): () => Promise<string> {
  return secretSource({ value: Env.webhookSecret, arn: Env.webhookSecretArn }, env, client);
}

/** The key that signs the staff API's page tokens (`PAGE_TOKEN_SECRET` / `…_ARN`). */
export function pageTokenSecretSource(env: EnvSource = process.env, client?: () => SecretsManagerClient): () => Promise<string> {
  return secretSource({ value: Env.pageTokenSecret, arn: Env.pageTokenSecretArn }, env, client);
}

async function read(variables: SecretVariables, env: EnvSource, client: () => SecretsManagerClient): Promise<string> {
  const value = env[variables.value];
  if (value !== undefined && value !== '') return value;
  const arn = env[variables.arn];
  if (arn === undefined || arn === '') throw new MissingConfiguration(`${variables.value} or ${variables.arn}`);
  const result = await client().send(new GetSecretValueCommand({ SecretId: arn }));
  if (result.SecretString === undefined || result.SecretString === '') throw new SecretUnavailable(arn);
  return result.SecretString;
}
