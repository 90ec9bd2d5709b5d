import type { RemovalPolicy } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { StackNames } from '../naming.ts';

export interface HmacSecretProps {
  names: StackNames;
  /** The secret's name within the stack's names (`storefront-webhook`, `page-tokens`). */
  name: string;
  description: string;
  /** Characters of the generated value (letters and digits). */
  length: number;
  removalPolicy: RemovalPolicy;
  /** Why the secret has no automatic rotation (cdk-nag AwsSolutions-SMG4). */
  withoutRotation: string;
}

/** An HMAC key in Secrets Manager, generated at deploy time; functions get its ARN, and read access where their manifest access says so. */
export class HmacSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: HmacSecretProps) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      secretName: props.names.physical(props.name, 512),
      description: props.description,
      generateSecretString: { passwordLength: props.length, excludePunctuation: true },
      removalPolicy: props.removalPolicy,
    });
    NagSuppressions.addResourceSuppressions(this.secret, [{ id: 'AwsSolutions-SMG4', reason: props.withoutRotation }]);
  }
}
