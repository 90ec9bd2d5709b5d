import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Secret, type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import { Env } from '../../platform/environment.ts';
import { loadPolicy } from '../../policy/load.ts';
import type { DeployConfig } from '../config.ts';
import { constructId } from '../naming.ts';

/**
 * What a function with `alarmSecrets` access (notify) gets on AWS: the one-robot shortcut's
 * variables from the context parameters, and read access to exactly the Secrets Manager secrets
 * the alarm channels refer to — the shortcut's `imWebhookSecretName` and the policy file's
 * `{"secretsManager": …}` references.
 */
export function equipAlarmFunction(scope: Construct, fn: LambdaFunction, role: IRole, config: DeployConfig): void {
  if (config.imWebhookUrl !== undefined) fn.addEnvironment(Env.alarmWebhookUrl, config.imWebhookUrl);
  if (config.imWebhookKind !== undefined) fn.addEnvironment(Env.alarmWebhookKind, config.imWebhookKind);
  if (config.imWebhookSecretName !== undefined) fn.addEnvironment(Env.alarmWebhookSecretId, config.imWebhookSecretName);
  if (config.consoleUrl !== undefined) fn.addEnvironment(Env.alarmConsoleUrl, config.consoleUrl);
  const names = new Set<string>(config.imWebhookSecretName === undefined ? [] : [config.imWebhookSecretName]);
  for (const channel of loadPolicy(config.policyFile).alarms.channels.values()) {
    if (channel.secret !== undefined && 'secretsManager' in channel.secret) names.add(channel.secret.secretsManager);
  }
  for (const name of names) secretNamed(scope, `${fn.node.id}AlarmSecret${constructId(name)}`, name).grantRead(role);
  if (names.size > 0) {
    NagSuppressions.addResourceSuppressions(
      role,
      [{ id: 'AwsSolutions-IAM5', reason: 'A secret named (not by complete ARN) is matched by its name plus the six-character suffix Secrets Manager appends.', appliesTo: [{ regex: '/^Resource::arn:.*:secret:.*-\\?\\?\\?\\?\\?\\?$/g' }] }],
      true,
    );
  }
}

function secretNamed(scope: Construct, id: string, nameOrArn: string): ISecret {
  return nameOrArn.startsWith('arn:') ? Secret.fromSecretCompleteArn(scope, id, nameOrArn) : Secret.fromSecretNameV2(scope, id, nameOrArn);
}
