import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EDGE_CREDENTIALS_FILE, EdgeCredentialsUnreadable, edgeCredentials, readEdgeCredentials } from '../../../local/edge/credentials.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('the edge key in the data directory', () => {
  it('is generated once as AWS-shaped credentials in a 0600 file under a 0700 directory, and reused', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'edge-key-'));
    const first = edgeCredentials(dataDir);
    expect(first.accessKeyId).toMatch(/^LKIA[A-Z2-7]{16}$/);
    expect(first.secretAccessKey).toHaveLength(40);
    const path = join(dataDir, EDGE_CREDENTIALS_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
    expect(edgeCredentials(dataDir)).toEqual(first);
    expect(readEdgeCredentials(dataDir)).toEqual(first);
    expect(readdirSync(dirname(path))).toEqual(['aws-credentials.json']);
    expect(edgeCredentials(mkdtempSync(join(tmpdir(), 'edge-key-'))).secretAccessKey).not.toBe(first.secretAccessKey);
  });

  it('is the same key for four processes starting at once on a new data directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'edge-key-race-'));
    const script = `import { edgeCredentials } from ${JSON.stringify(join(ROOT, 'local/edge/credentials.ts'))}; process.stdout.write(JSON.stringify(edgeCredentials(${JSON.stringify(dataDir)})));`;
    const run = () =>
      new Promise<string>((resolve, reject) =>
        execFile(process.execPath, ['--import', import.meta.resolve('tsx'), '--input-type=module', '-e', script], (error, stdout) => (error ? reject(error) : resolve(stdout))),
      );
    const keys = await Promise.all([run(), run(), run(), run()]);
    expect(new Set(keys).size).toBe(1);
    expect(JSON.parse(keys[0]!)).toEqual(readEdgeCredentials(dataDir));
    expect(readdirSync(join(dataDir, 'identity'))).toEqual(['aws-credentials.json']);
  });

  it('refuses a file it did not write, naming it, instead of trusting or replacing it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'edge-key-bad-'));
    mkdirSync(join(dataDir, 'identity'));
    writeFileSync(join(dataDir, EDGE_CREDENTIALS_FILE), '{"accessKeyId":"local","secretAccessKey":"local"}');
    expect(() => edgeCredentials(dataDir)).toThrow(EdgeCredentialsUnreadable);
    expect(() => edgeCredentials(dataDir)).toThrow(join(dataDir, EDGE_CREDENTIALS_FILE));
  });
});
