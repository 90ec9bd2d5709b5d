import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import { loadPolicy } from '../../policy/load.ts';
import type { DeployConfig } from '../config.ts';

/**
 * What a function with `noticeSecrets` access (customer-notices) gets on AWS: read access to
 * exactly the Secrets Manager secret the policy's `notices.secret` names, if it names one
 * (`{"env": …}` references are the local home's).
 */
export function grantNoticeSecret(scope: Construct, fn: LambdaFunction, role: IRole, config: DeployConfig): void {
  const ref = loadPolicy(config.policyFile).notices.secret;
  if (ref === undefined || !('secretsManager' in ref)) return;
  const name = ref.secretsManager;
  const secret = name.startsWith('arn:') ? Secret.fromSecretCompleteArn(scope, `${fn.node.id}NoticeSecret`, name) : Secret.fromSecretNameV2(scope, `${fn.node.id}NoticeSecret`, name);
  secret.grantRead(role);
  NagSuppressions.addResourceSuppressions(
    role,
    [{ id: 'AwsSolutions-IAM5', reason: 'A secret named (not by complete ARN) is matched by its name plus the six-character suffix Secrets Manager appends.', appliesTo: [{ regex: '/^Resource::arn:.*:secret:.*-\\?\\?\\?\\?\\?\\?$/g' }] }],
    true,
  );
}
