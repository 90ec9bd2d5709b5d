import { RemovalPolicy } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StackNames } from '../naming.ts';
import { HmacSecret } from './hmac-secret.ts';

/**
 * The key that signs the staff API's page tokens (adapters/case-repository/pagination.ts), in
 * Secrets Manager beside the webhook secret; functions that declare `access.pageTokenSecret` get
 * its ARN and read access.
 */
export class PageTokenSecret extends HmacSecret {
  constructor(scope: Construct, id: string, props: { names: StackNames }) {
    super(scope, id, {
      names: props.names,
      name: 'page-tokens',
      description: 'HMAC key of the staff API page tokens; replacing it only invalidates outstanding page tokens',
      length: 64,
      // Page tokens live 24 h: losing the key costs a client one restarted listing, nothing more.
      removalPolicy: RemovalPolicy.DESTROY,
      withoutRotation:
        'Page tokens expire after 24 h and carry no data beyond a DynamoDB key; operators replace the key with put-secret-value when they wish (docs/deploy.md), which only ends outstanding listings.',
    });
  }
}
