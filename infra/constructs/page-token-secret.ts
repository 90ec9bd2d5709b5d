import { RemovalPolicy } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { StackNames } from '../naming.ts';

/**
 * The key that signs the staff API's page tokens (adapters/case-repository/pagination.ts), in
 * Secrets Manager beside the webhook secret; functions that declare `access.pageTokenSecret` get
 * its ARN and read access.
 */
export class PageTokenSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: { names: StackNames }) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      secretName: props.names.physical('page-tokens', 512),
      description: 'HMAC key of the staff API page tokens; replacing it only invalidates outstanding page tokens',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      // Page tokens live 24 h: losing the key costs a client one restarted listing, nothing more.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    NagSuppressions.addResourceSuppressions(this.secret, [
      {
        id: 'AwsSolutions-SMG4',
        reason: 'Page tokens expire after 24 h and carry no data beyond a DynamoDB key; operators replace the key with put-secret-value when they wish (docs/deploy.md), which only ends outstanding listings.',
      },
    ]);
  }
}
