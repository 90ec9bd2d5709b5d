import { RemovalPolicy } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StackNames } from '../naming.ts';
import { HmacSecret } from './hmac-secret.ts';

/** The storefront webhook's HMAC secret in Secrets Manager; functions get its ARN, and read access if their manifest access says so. */
export class WebhookSecret extends HmacSecret {
  constructor(scope: Construct, id: string, props: { names: StackNames }) {
    super(scope, id, {
      names: props.names,
      name: 'storefront-webhook',
      description: 'HMAC secret shared with the storefront; set it with put-secret-value (docs/deploy.md)',
      length: 48,
      removalPolicy: RemovalPolicy.RETAIN,
      withoutRotation:
        'The secret is shared with the external storefront, which cannot take part in automatic rotation; operators rotate it together with the storefront (docs/deploy.md).',
    });
  }
}
