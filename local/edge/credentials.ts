/**
 * The edge port's one AWS access key: generated once into the data directory, so that only a
 * process that can read that directory (the runtime, its CLI tools, the developer's own shell via
 * `npm run -s aws-credentials`) can sign requests the edge accepts (local/edge/sigv4.ts).
 *
 * The file is JSON `{ "accessKeyId": "LKIA…", "secretAccessKey": "…" }`, mode 0600 in a 0700
 * directory. It is created atomically and never replaced: a synced temporary file is hard-linked
 * to the final name (link(2) fails when the name exists), so two racing starts end up reading the
 * same key and a crash leaves either no file or a whole one.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where a data directory keeps the edge's access key. */
export const EDGE_CREDENTIALS_FILE = join('identity', 'aws-credentials.json');

/** An AWS access key pair, as the SDK's `credentials` option and the AWS CLI take it. */
export interface EdgeCredentials {
  /** 20 characters, `LKIA` + 16 of [A-Z2-7] (AWS's own ids are 20 upper-case characters too). */
  accessKeyId: string;
  /** 40 characters of base64, as AWS's secret access keys are. */
  secretAccessKey: string;
}

/** The file does not hold a key this runtime wrote. */
export class EdgeCredentialsUnreadable extends Error {
  override readonly name = 'EdgeCredentialsUnreadable';
}

/** The data directory's edge credentials, generated on first use. */
export function edgeCredentials(dataDir: string): EdgeCredentials {
  const path = join(dataDir, EDGE_CREDENTIALS_FILE);
  try {
    return readEdgeCredentials(dataDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  createOnce(path, `${JSON.stringify(generate())}\n`);
  return readEdgeCredentials(dataDir);
}

/** Reads the credentials a runtime wrote into `dataDir`; never creates them (the CLI tools use this). Throws ENOENT when absent. */
export function readEdgeCredentials(dataDir: string): EdgeCredentials {
  const path = join(dataDir, EDGE_CREDENTIALS_FILE);
  const text = readFileSync(path, 'utf8');
  let parsed: Partial<EdgeCredentials>;
  try {
    parsed = JSON.parse(text) as Partial<EdgeCredentials>;
  } catch {
    throw new EdgeCredentialsUnreadable(`${path} is not JSON; delete it to generate a new key`);
  }
  if (typeof parsed.accessKeyId !== 'string' || !/^LKIA[A-Z2-7]{16}$/.test(parsed.accessKeyId) || typeof parsed.secretAccessKey !== 'string' || parsed.secretAccessKey.length < 40) {
    throw new EdgeCredentialsUnreadable(`${path} does not hold a key this runtime wrote; delete it to generate a new one`);
  }
  return { accessKeyId: parsed.accessKeyId, secretAccessKey: parsed.secretAccessKey };
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function generate(): EdgeCredentials {
  const id = [...randomBytes(16)].map((b) => BASE32[b & 31]).join('');
  return { accessKeyId: `LKIA${id}`, secretAccessKey: randomBytes(30).toString('base64') };
}

/** Writes `content` to `path` unless it exists: synced temporary, link(2) to the name, directory synced. */
function createOnce(path: string, content: string): void {
  const directory = dirname(path);
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temporary, path);
    } catch (error) {
      // Another start won the race: its key stands.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  } finally {
    rmSync(temporary, { force: true });
  }
  const dirFd = openSync(directory, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}
