/**
 * `npm start` puts the AWS emulators on loopback whatever `--host` says (issue 21 §1: `--host 0.0.0.0`
 * exposed them on the LAN); only `--edge-host` moves them, with a warning, and `npm run -s
 * aws-credentials` prints what the AWS CLI or an SDK needs to reach them.
 *
 * 127.0.0.2 stands for "another address of this machine": on Linux the whole 127/8 is local, so a
 * server bound to 0.0.0.0 answers there and one bound to 127.0.0.1 does not.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { killAll, startChild } from '../local/runtime/child.ts';
import { rawEdgeRequest } from '../support/edge-request.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');

afterEach(killAll);

/** Whether a TCP connection to host:port is accepted. */
function reachable(host: string, port: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function awsCredentials(cwd: string, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [join(ROOT, 'cli/aws-credentials.ts'), ...args], { cwd, env: { ...process.env, DATA_DIR: '' } }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr }),
    );
  });
}

describe('npm start and the edge address', () => {
  it('keeps the edge on loopback with --host 0.0.0.0 while the HTTP API takes the wildcard, and aws-credentials prints working env lines', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'edge-host-cwd-'));
    const child = await startChild(mkdtempSync(join(tmpdir(), 'edge-host-')), ['--host', '0.0.0.0'], {}, cwd);
    const edgePort = new URL(child.edgeUrl).port;
    expect(new URL(child.edgeUrl).hostname).toBe('127.0.0.1');
    expect(await reachable('127.0.0.1', edgePort)).toBe(true);
    expect(await reachable('127.0.0.2', edgePort)).toBe(false);
    expect(await reachable('127.0.0.2', new URL(child.apiUrl).port)).toBe(true);
    expect(child.output()).not.toContain('warning: --edge-host');

    const printed = await awsCredentials(cwd);
    expect(printed.code).toBe(0);
    const env = Object.fromEntries([...printed.stdout.matchAll(/(AWS_[A-Z_]+)='?([^'\s]+)'?/g)].map((m) => [m[1], m[2]]));
    expect(env).toMatchObject({ AWS_ACCESS_KEY_ID: child.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: child.credentials.secretAccessKey, AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: child.edgeUrl });
    const ddb = new DynamoDBClient({ endpoint: env.AWS_ENDPOINT_URL, region: env.AWS_REGION, credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! } });
    expect((await ddb.send(new ListTablesCommand({}))).TableNames?.length).toBeGreaterThan(0);
    ddb.destroy();

    const profile = await awsCredentials(cwd, ['--format', 'profile', '--profile', 'shop']);
    expect(profile.stdout).toContain(`[shop]\naws_access_key_id = ${child.credentials.accessKeyId}\naws_secret_access_key = ${child.credentials.secretAccessKey}\n`);
    expect(profile.stdout).toContain(`[profile shop]\nregion = us-east-1\nendpoint_url = ${child.edgeUrl}\n`);
  }, 90_000);

  it('moves the edge only when --edge-host asks, warns in one line, and still wants a signature there', async () => {
    const child = await startChild(mkdtempSync(join(tmpdir(), 'edge-host-')), ['--edge-host', '0.0.0.0'], {}, mkdtempSync(join(tmpdir(), 'edge-host-cwd-')));
    const edgePort = new URL(child.edgeUrl).port;
    expect(child.output()).toMatch(/^warning: --edge-host 0\.0\.0\.0 puts the AWS emulators .* on the network; .*aws-credentials.*$/m);
    expect(await reachable('127.0.0.2', edgePort)).toBe(true);
    const unsigned = await rawEdgeRequest(`http://127.0.0.2:${edgePort}`, { path: '/', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' }, body: '{}' });
    expect(unsigned.status).toBe(400);
    expect(JSON.parse(unsigned.body).__type).toBe('com.amazon.coral.service#MissingAuthenticationTokenException');
  }, 90_000);

  it('refuses a data directory without the edge key, naming DATA_DIR, and prints nothing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'aws-credentials-empty-'));
    const run = await awsCredentials(mkdtempSync(join(tmpdir(), 'aws-credentials-cwd-')), ['--data', empty]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^aws-credentials: DATA_DIR \/ --data: .* holds no platform data \(no identity\/aws-credentials\.json\)/);
  });
});
