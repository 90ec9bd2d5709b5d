/**
 * Which data directory the running platform uses, so that `npm run token` and
 * `npm run webhook-secret` read its keys instead of silently creating new ones. `npm start` writes
 * a pointer file in its working directory (where npm runs every script); the tools read it, or
 * honour DATA_DIR / --data, and refuse a directory that holds no platform data.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isAlive } from './data-lock.ts';

export const POINTER_FILE = '.sla-platform-running.json';

export interface RunningPlatform {
  dataDir: string;
  pid: number;
  apiUrl: string;
  /** The edge port's URL (the AWS emulators), for `npm run -s aws-credentials`. */
  edgeUrl?: string;
}

/** No usable data directory for a tool; the message names DATA_DIR / --data. */
export class NoPlatformData extends Error {
  override readonly name = 'NoPlatformData';
}

/** Records the running platform (cli/start.ts); the returned function removes the record. */
export function recordRunning(platform: RunningPlatform, cwd = process.cwd()): () => void {
  const path = join(cwd, POINTER_FILE);
  writeFileSync(`${path}.${process.pid}.tmp`, `${JSON.stringify(platform)}\n`);
  renameSync(`${path}.${process.pid}.tmp`, path);
  return () => {
    if (runningPlatform(cwd)?.pid === platform.pid) rmSync(path, { force: true });
  };
}

/** The platform started from `cwd` and still alive, if any. */
export function runningPlatform(cwd = process.cwd()): RunningPlatform | undefined {
  try {
    const record = JSON.parse(readFileSync(join(cwd, POINTER_FILE), 'utf8')) as Partial<RunningPlatform>;
    if (typeof record.dataDir !== 'string' || typeof record.pid !== 'number' || typeof record.apiUrl !== 'string') return undefined;
    return isAlive(record.pid) ? (record as RunningPlatform) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The data directory a tool should read `file` (relative, e.g. `identity/jwt-signing-key`) from:
 * `--data`/DATA_DIR when given, else the running platform's, else `.local-data/`. Throws
 * `NoPlatformData` when that directory lacks the file — a tool never creates a key of its own.
 */
export function platformDataDir(file: string, flag?: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): { dataDir: string; note?: string } {
  const explicit = flag ?? env.DATA_DIR;
  const running = runningPlatform(cwd);
  if (explicit !== undefined && explicit !== '') {
    const dataDir = resolve(cwd, explicit);
    if (!existsSync(join(dataDir, file))) {
      throw new NoPlatformData(`DATA_DIR / --data: ${dataDir} holds no platform data (no ${file})${running ? `; the running platform uses ${running.dataDir}` : '; start the platform with npm start first'}`);
    }
    const note = running && resolve(running.dataDir) !== dataDir ? `note: the running platform (pid ${running.pid}) uses ${running.dataDir}, not ${dataDir}` : undefined;
    return note === undefined ? { dataDir } : { dataDir, note };
  }
  const dataDir = running?.dataDir ?? resolve(cwd, '.local-data');
  if (!existsSync(join(dataDir, file))) {
    throw new NoPlatformData(`no running platform found and ${dataDir} holds no platform data (no ${file}); start it with npm start, or set DATA_DIR / --data to its data directory`);
  }
  return { dataDir };
}
