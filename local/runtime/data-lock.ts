import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirInUse extends Error {
  override readonly name = 'DataDirInUse';
}

/** The data directory cannot hold the platform's state; the message names the setting to change. */
export class DataDirUnusable extends Error {
  override readonly name = 'DataDirUnusable';
  constructor(
    readonly dataDir: string,
    readonly code: string | undefined,
  ) {
    super(`DATA_DIR / --data: ${dataDir} ${reasonOf(code)}; choose another directory`);
  }
}

function reasonOf(code: string | undefined): string {
  switch (code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return 'is a file (or under one), not a directory';
    case 'EROFS':
      return 'is on a read-only file system';
    case 'EACCES':
    case 'EPERM':
      return 'is not writable by this user';
    case 'ENOSPC':
      return 'is on a full disk';
    default:
      return `cannot be written (${code ?? 'unknown error'})`;
  }
}

/**
 * One runtime per data directory: two would write the same SQLite and DynamoDB files. The lock
 * holds the owner's pid; a lock left by a killed process (kill -9) is taken over. A directory that
 * is a file, read-only or on a full disk is refused here, before anything starts (`DataDirUnusable`).
 */
export function lockDataDir(dataDir: string): () => void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new DataDirUnusable(dataDir, (error as NodeJS.ErrnoException).code);
  }
  const path = join(dataDir, 'runtime.lock');
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') throw new DataDirUnusable(dataDir, code);
    const owner = Number(readFileSync(path, 'utf8'));
    if (Number.isInteger(owner) && isAlive(owner)) {
      throw new DataDirInUse(`${dataDir} is in use by another runtime (pid ${owner}); stop it or use another DATA_DIR`);
    }
    writeFileSync(path, String(process.pid));
  }
  return () => rmSync(path, { force: true });
}

/** Whether a process of that pid exists (EPERM: it does, under another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
