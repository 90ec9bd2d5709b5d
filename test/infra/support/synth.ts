import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App, Aspects } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Manifest } from '../../../app/manifest-types.ts';
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
export function synthesize(manifest: Manifest, options: { context?: Record<string, unknown>; nag?: boolean } = {}): Synthesized {
  const app = new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...options.context } });
  const stack = new PlatformStack(app, 'Platform', {
    stackName: manifest.app,
    manifest,
    root: repoRoot,
    config: readConfig(app.node),
  });
  if (options.nag === true) Aspects.of(app).add(new AwsSolutionsChecks());
  return { stack, template: Template.fromStack(stack) };
}
