import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { manifest } from '../../app/manifest.ts';
import { expectedTemplateInventory, templateInventory, type CfnTemplate } from '../../infra/contract.ts';
import { repoRoot } from './support/synth.ts';

const run = promisify(execFile);
const outdir = mkdtempSync(join(tmpdir(), 'cdk-synth-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** No credentials, no instance metadata, no notices: what a fresh clone in CI has. */
function offlineEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', CDK_DISABLE_VERSION_CHECK: 'true' };
  for (const key of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE']) delete env[key];
  return env;
}

describe('npx cdk synth', () => {
  it('synthesizes the app of cdk.json offline, with cdk-nag on, into a template holding the manifest', async () => {
    // Bundling is skipped here to keep the suite fast; `npm run synth` bundles every function (docs/deploy.md).
    await run('npx', ['cdk', 'synth', '--quiet', '--no-notices', '--ci', '-o', outdir, '-c', 'skipBundling=true'], { cwd: repoRoot, env: offlineEnvironment(), timeout: 120_000 });
    const template = JSON.parse(readFileSync(join(outdir, 'Platform.template.json'), 'utf8')) as CfnTemplate;
    expect(templateInventory(template, manifest.app)).toEqual(expectedTemplateInventory(manifest));
  }, 120_000);
});
