import { chmodSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { Database } from '../sqlite/database.ts';
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
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
      return 'is not writable by this user';
    case 'ENOSPC':
      return 'is on a full disk';
    default:
      return `cannot be written (${code ?? 'unknown error'})`;
  }
}

/** The lock file: a SQLite database whose exclusive lock the running runtime holds. */
export const LOCK_FILE = 'runtime.lock';
/** Who holds the lock, for the message a second runtime prints (informational only). */
const OWNER_FILE = 'runtime.pid';

/**
 * One runtime per data directory: two would write the same SQLite and DynamoDB files. The lock is
 * an OS file lock (SQLite's `BEGIN EXCLUSIVE` on `runtime.lock`, a POSIX advisory lock) held for the
 * runtime's life: the kernel drops it when the process ends, however it ends (kill -9, a full disk),
 * so there is no stale lock to take over and no window in which two starters both win. The file
 * itself is never replaced or removed — only its lock matters. A file an older runtime left (its
 * pid as text) or one a full disk left empty or torn is emptied first: the lock never holds data.
 * A directory that is a file, read-only or on a full disk is refused here (`DataDirUnusable`).
 * @throws DataDirInUse while another process holds the lock.
 */
export function lockDataDir(dataDir: string): () => void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new DataDirUnusable(dataDir, (error as NodeJS.ErrnoException).code);
  }
  const path = join(dataDir, LOCK_FILE);
  const release = acquire(dataDir, path);
  if (release !== 'not-a-database') return release;
  // Emptying is harmless even if another starter has just locked the file: a lock holds no data.
  truncateSync(path, 0);
  const retried = acquire(dataDir, path);
  if (retried === 'not-a-database') throw new DataDirUnusable(dataDir, 'SQLITE_NOTADB');
  return retried;
}

/** Takes the lock; its release, or 'not-a-database' for a lock file that is not a SQLite file. */
function acquire(dataDir: string, path: string): (() => void) | 'not-a-database' {
  const lock = openLock(dataDir, path);
  try {
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') return 'not-a-database';
    if (code !== 'SQLITE_BUSY') throw new DataDirUnusable(dataDir, code);
    throw new DataDirInUse(`${dataDir} is in use by another runtime (${ownerOf(dataDir)}); stop it or use another DATA_DIR`);
  }
  writeOwner(dataDir);
  return () => {
    rmSync(join(dataDir, OWNER_FILE), { force: true });
    lock.close();
  };
}

function openLock(dataDir: string, path: string): Database {
  try {
    // timeout 0: a held lock is answered at once (SQLITE_BUSY), not waited for.
    const db = new Database(path, { timeout: 0 });
    chmodSync(path, 0o600);
    return db;
  } catch (error) {
    throw new DataDirUnusable(dataDir, (error as NodeJS.ErrnoException).code);
  }
}

function writeOwner(dataDir: string): void {
  try {
    writeFileSync(join(dataDir, OWNER_FILE), String(process.pid), { mode: 0o600 });
  } catch {
    // Only the message of a second starter reads it.
  }
}

function ownerOf(dataDir: string): string {
  try {
    const pid = Number(readFileSync(join(dataDir, OWNER_FILE), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? `pid ${pid}` : 'pid unknown';
  } catch {
    return 'pid unknown';
  }
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
