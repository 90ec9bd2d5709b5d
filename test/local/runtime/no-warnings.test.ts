import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killGroup } from './child.ts';

/** Lines Node, npm or the AWS SDK print when the engine is too old or an API is on its way out. */
const WARNING = /\(node:\d+\)|DeprecationWarning|ExperimentalWarning|NodeVersionWarning|EBADENGINE|npm warn|\bdeprecated\b|require node/i;

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('The project engine (Node.js 24 LTS, issue 26)', () => {
  it('runs the tests on Node.js 24 or later, the engine the Lambda functions run on', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  });

  it('starts with `npm start` without a single deprecation, engine or experimental warning', async () => {
    const root = mkdtempSync(join(tmpdir(), 'no-warnings-'));
    roots.push(root);
    // The user's own environment: no test-run variables that would silence a warning.
    const { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: _sdk, NODE_NO_WARNINGS: _node, NODE_OPTIONS: _options, ...env } = process.env;
    const child = spawn('npm', ['start', '--', '--port', '0', '--edge-port', '0', '--data', join(root, 'data')], { env: { ...env, POWERTOOLS_LOG_LEVEL: 'ERROR' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    const started = new Promise<void>((resolve, reject) => {
      const read = (chunk: Buffer): void => {
        output += chunk.toString();
        if (/AWS emulators\s+http:\/\/\S+/.test(output) && /HTTP API\s+http:\/\/\S+/.test(output)) resolve();
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', (code) => reject(new Error(`npm start exited with ${code}: ${output}`)));
    });
    try {
      await started;
      const warnings = output.split('\n').filter((line) => WARNING.test(line));
      expect(warnings).toEqual([]);
    } finally {
      // npm runs the platform as a grandchild (sh → tsx → node): kill the whole group, or it outlives the test.
      await killGroup(child);
    }
  }, 120_000);
});
