/** The CDK app (`npx cdk synth`, `npx cdk deploy`): one stack, built from the manifest. */
import { fileURLToPath } from 'node:url';
import { App, Aspects } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { manifest } from '../app/manifest.ts';
import { ContextKey, readConfig } from './config.ts';
import { PlatformStack } from './stack.ts';

const app = new App();
// `-c skipBundling=true`: synthesize without running esbuild (CI's synth test); assets are then placeholders.
if (String(app.node.tryGetContext(ContextKey.skipBundling)) === 'true') app.node.setContext('aws:cdk:bundling-stacks', []);
const stackName: unknown = app.node.tryGetContext(ContextKey.stackName);
new PlatformStack(app, 'Platform', {
  stackName: typeof stackName === 'string' && stackName !== '' ? stackName : manifest.app,
  description: `${manifest.app}: workflows and SLA timers, generated from app/manifest.ts`,
  manifest,
  root: fileURLToPath(new URL('..', import.meta.url)),
  config: readConfig(app.node),
  // Environment-agnostic unless the CLI knows an account (synth needs none).
  env: { account: process.env['CDK_DEFAULT_ACCOUNT'], region: process.env['CDK_DEFAULT_REGION'] },
});
Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
app.synth();
