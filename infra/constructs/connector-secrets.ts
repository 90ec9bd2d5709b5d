import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import { readPolicyDocument } from '../../policy/load.ts';
import type { DeployConfig } from '../config.ts';
import { constructId } from '../naming.ts';

/**
 * What a function with `connectorSecrets` access gets on AWS: read access to exactly the Secrets
 * Manager secrets the policy's `connectors[].secrets` refer to (`{"env": …}` references are
 * variables the operator sets on the function).
 */
export function equipConnectorFunction(scope: Construct, fn: LambdaFunction, role: IRole, config: DeployConfig): void {
  const names = new Set<string>();
  for (const connector of readPolicyDocument(config.policyFile).connectors ?? []) {
    for (const ref of Object.values(connector.secrets)) if ('secretsManager' in ref) names.add(ref.secretsManager);
  }
  for (const name of names) {
    const id = `${fn.node.id}ConnectorSecret${constructId(name)}`;
    (name.startsWith('arn:') ? Secret.fromSecretCompleteArn(scope, id, name) : Secret.fromSecretNameV2(scope, id, name)).grantRead(role);
  }
  if (names.size > 0) {
    NagSuppressions.addResourceSuppressions(
      role,
      [{ id: 'AwsSolutions-IAM5', reason: 'A secret named (not by complete ARN) is matched by its name plus the six-character suffix Secrets Manager appends.', appliesTo: [{ regex: '/^Resource::arn:.*:secret:.*-\\?\\?\\?\\?\\?\\?$/g' }] }],
      true,
    );
  }
}
