/**
 * `npm run -s aws-credentials [-- --data <dir>] [--format env|profile] [--profile <name>]`: how the
 * AWS CLI or an SDK reaches the running platform's edge port (the AWS emulators). The edge accepts
 * only requests signed with the key `npm start` generated into the data directory
 * (local/edge/credentials.ts); this prints it with the region and the edge's URL:
 *
 * - `env` (default): `export` lines for the SDKs' and the CLI's standard variables
 *   (`eval "$(npm run -s aws-credentials)"`, then `aws dynamodb list-tables`);
 * - `profile`: a `~/.aws/credentials` and a `~/.aws/config` section (`endpoint_url` needs AWS CLI
 *   ≥ 2.13), then `aws --profile sla-local …`.
 *
 * The data directory is the running platform's (the pointer npm start writes), or DATA_DIR / --data;
 * one without a key is refused (exit 2): a key of our own would be one the edge rejects.
 */
import { parseArgs } from 'node:util';
import { EDGE_CREDENTIALS_FILE, readEdgeCredentials } from '../local/edge/credentials.ts';
import { LOCAL_REGION } from '../local/runtime/names.ts';
import { platformDataDir, runningPlatform } from '../local/runtime/running.ts';

function fail(message: string): never {
  process.stderr.write(`aws-credentials: ${message}\n`);
  process.exit(2);
}

let values: { data?: string; format?: string; profile?: string };
try {
  ({ values } = parseArgs({ options: { data: { type: 'string' }, format: { type: 'string' }, profile: { type: 'string' } }, strict: true }));
} catch (error) {
  fail((error as Error).message.split('\n')[0] ?? 'bad arguments');
}
const format = values.format ?? 'env';
if (format !== 'env' && format !== 'profile') fail(`--format: "${format}" is not env or profile`);
const profile = values.profile ?? 'sla-local';
if (!/^[A-Za-z0-9_.-]+$/.test(profile)) fail(`--profile: "${profile}" is not a profile name (letters, digits, _ . -)`);

let directory: string;
try {
  const found = platformDataDir(EDGE_CREDENTIALS_FILE, values.data);
  if (found.note !== undefined) process.stderr.write(`aws-credentials: ${found.note}\n`);
  directory = found.dataDir;
} catch (error) {
  fail((error as Error).message);
}
const { accessKeyId, secretAccessKey } = readEdgeCredentials(directory);
const running = runningPlatform();
const edgeUrl = running?.dataDir === directory && running.edgeUrl ? running.edgeUrl : `http://127.0.0.1:${process.env.EDGE_PORT ?? 4566}`;
if (!running?.edgeUrl || running.dataDir !== directory) process.stderr.write(`aws-credentials: the platform on ${directory} is not running here; assuming its edge at ${edgeUrl}\n`);

const shell = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
if (format === 'env') {
  process.stdout.write(
    [
      `export AWS_ACCESS_KEY_ID=${shell(accessKeyId)}`,
      `export AWS_SECRET_ACCESS_KEY=${shell(secretAccessKey)}`,
      'unset AWS_SESSION_TOKEN AWS_PROFILE',
      `export AWS_REGION=${LOCAL_REGION} AWS_DEFAULT_REGION=${LOCAL_REGION}`,
      `export AWS_ENDPOINT_URL=${shell(edgeUrl)}`,
      '',
    ].join('\n'),
  );
} else {
  process.stdout.write(
    [
      '# ~/.aws/credentials',
      `[${profile}]`,
      `aws_access_key_id = ${accessKeyId}`,
      `aws_secret_access_key = ${secretAccessKey}`,
      '',
      '# ~/.aws/config',
      `[profile ${profile}]`,
      `region = ${LOCAL_REGION}`,
      `endpoint_url = ${edgeUrl}`,
      '',
    ].join('\n'),
  );
}
