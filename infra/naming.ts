import { ArnFormat, Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ManifestInvalid } from './errors.ts';

/**
 * Physical names and ARNs of the manifest's resources on AWS, derived from their ids exactly as
 * the local runtime derives them (`<prefix>-<id>`, local/runtime/names.ts). ARNs are formatted
 * from names rather than read from the resources, so a function may know a state machine that
 * invokes it (and vice versa) without a circular CloudFormation dependency.
 */
export class StackNames {
  constructor(
    private readonly scope: Construct,
    /** The stack name; the manifest's `app` by default, so AWS and local names agree. */
    readonly prefix: string,
  ) {}

  physical(id: string, maxLength = 64): string {
    const name = `${this.prefix}-${id}`;
    if (name.length > maxLength) throw new ManifestInvalid(id, `physical name ${name} is longer than ${maxLength} characters`);
    return name;
  }

  functionArn(id: string): string {
    return this.arn('lambda', 'function', this.physical(id), ArnFormat.COLON_RESOURCE_NAME);
  }

  stateMachineArn(id: string): string {
    return this.arn('states', 'stateMachine', this.physical(id, 80), ArnFormat.COLON_RESOURCE_NAME);
  }

  /** Every execution of one state machine. */
  executionsArn(id: string): string {
    return this.arn('states', 'execution', `${this.physical(id, 80)}:*`, ArnFormat.COLON_RESOURCE_NAME);
  }

  /** Every schedule in one schedule group. */
  schedulesArn(groupName: string): string {
    return this.arn('scheduler', 'schedule', `${groupName}/*`, ArnFormat.SLASH_RESOURCE_NAME);
  }

  private arn(service: string, resource: string, resourceName: string, arnFormat: ArnFormat): string {
    return Stack.of(this.scope).formatArn({ service, resource, resourceName, arnFormat });
  }
}

/** `storefront-webhook` → `StorefrontWebhook`: a construct id from a manifest id. */
export function constructId(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
