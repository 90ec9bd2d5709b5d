import { RemovalPolicy } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { StackNames } from '../naming.ts';

/** The storefront webhook's HMAC secret in Secrets Manager; functions get its ARN, and read access if their manifest access says so. */
export class WebhookSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: { names: StackNames }) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      secretName: props.names.physical('storefront-webhook', 512),
      description: 'HMAC secret shared with the storefront; set it with put-secret-value (docs/deploy.md)',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(this.secret, [
      {
        id: 'AwsSolutions-SMG4',
        reason: 'The secret is shared with the external storefront, which cannot take part in automatic rotation; operators rotate it together with the storefront (docs/deploy.md).',
      },
    ]);
  }
}
