import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App, Aspects } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, type INagLogger } from 'cdk-nag';
import type { Manifest } from '../../../platform/manifest-types.ts';
import { readConfig } from '../../../infra/config.ts';
import { PlatformStack } from '../../../infra/stack.ts';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The feature flags of cdk.json, so tests synthesize what `npx cdk synth` does. */
function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL('cdk.json', `file://${repoRoot}`), 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

export interface Synthesized {
  stack: PlatformStack;
  template: Template;
}

/** Synthesizes the stack from a manifest, offline and without bundling (no esbuild runs). */
export function synthesize(manifest: Manifest, options: { context?: Record<string, unknown>; nagLogger?: INagLogger; env?: { account: string; region: string } } = {}): Synthesized {
  const app = new App({
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...options.context },
    // The CLI synth test runs the CDK's CloudFormation schema validation once; here it would add seconds per synth.
    builtinCloudFormationValidation: false,
  });
  const stack = new PlatformStack(app, 'Platform', {
    stackName: manifest.app,
    manifest,
    root: repoRoot,
    config: readConfig(app.node),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  if (options.nagLogger !== undefined) Aspects.of(app).add(new AwsSolutionsChecks({ reports: false, additionalLoggers: [options.nagLogger] }));
  return { stack, template: Template.fromStack(stack) };
}

/** The CloudFormation resources of one type, by logical id. */
export function resourcesOfType(template: Template, type: string): Record<string, { Properties: Record<string, unknown> }> {
  return template.findResources(type) as Record<string, { Properties: Record<string, unknown> }>;
}

/** The logical id of the one resource of a type whose property has a value. */
export function logicalIdWhere(template: Template, type: string, property: string, value: unknown): string {
  const ids = Object.entries(resourcesOfType(template, type))
    .filter(([, resource]) => JSON.stringify(resource.Properties[property]) === JSON.stringify(value))
    .map(([id]) => id);
  if (ids.length !== 1) throw new Error(`expected one ${type} with ${property} = ${JSON.stringify(value)}, found ${ids.length}`);
  return ids[0]!;
}

/** Every IAM statement attached (through AWS::IAM::Policy) to the role with this logical id. */
export function statementsOfRole(template: Template, roleLogicalId: string): { Action: string | string[]; Resource: unknown; Condition?: unknown; Effect: string }[] {
  return Object.values(resourcesOfType(template, 'AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties['Roles']).includes(`"${roleLogicalId}"`))
    .flatMap((policy) => (policy.Properties['PolicyDocument'] as { Statement: { Action: string | string[]; Resource: unknown; Effect: string }[] }).Statement);
}

/** The actions a role may take, flattened. */
export function actionsOfRole(template: Template, roleLogicalId: string): string[] {
  return statementsOfRole(template, roleLogicalId).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}
