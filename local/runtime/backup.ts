/**
 * A consistent copy of a data directory, taken while the platform runs: each SQLite store through
 * SQLite's online backup API (node:sqlite's `backup()`: page by page, consistent with concurrent
 * writes), every other file (keys, accounts, the platform clock) copied as it is. The lock, WAL
 * and shared-memory files and temporaries are left out: the copy of a store is whole without them.
 * Restoring is copying files back while the platform is stopped (docs/emulators.md "Backup and restore").
 */
import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Database } from '../sqlite/database.ts';
import { LOCK_FILE } from './data-lock.ts';

/** The backup target exists and is not empty: a backup never mixes with older files. */
export class BackupTargetNotEmpty extends Error {
  override readonly name = 'BackupTargetNotEmpty';
  constructor(readonly target: string) {
    super(`${target} exists and is not empty; name a new directory for the backup`);
  }
}

export interface BackupResult {
  /** Stores copied by SQLite's online backup, relative to the data directory. */
  stores: string[];
  /** Other files copied as they are. */
  files: string[];
}

const SKIPPED = [/-wal$/, /-shm$/, /-journal$/, /\.tmp$/, /^runtime\.pid$/];

export async function backupDataDir(dataDir: string, target: string): Promise<BackupResult> {
  if (existsSync(target) && readdirSync(target).length > 0) throw new BackupTargetNotEmpty(target);
  mkdirSync(target, { recursive: true, mode: 0o700 });
  chmodSync(target, 0o700);
  const result: BackupResult = { stores: [], files: [] };
  await copyTree(dataDir, dataDir, target, result);
  return result;
}

async function copyTree(root: string, dir: string, target: string, result: BackupResult): Promise<void> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const source = join(dir, entry.name);
    const rel = relative(root, source);
    const destination = join(target, rel);
    if (entry.isDirectory()) {
      mkdirSync(destination, { recursive: true, mode: 0o700 });
      await copyTree(root, source, target, result);
      continue;
    }
    if (!entry.isFile() || rel === LOCK_FILE || SKIPPED.some((re) => re.test(entry.name))) continue;
    if (isSqlite(source)) {
      const db = new Database(source, { readonly: true, fileMustExist: true });
      try {
        await db.backup(destination);
      } finally {
        db.close();
      }
      result.stores.push(rel);
    } else {
      copyFileSync(source, destination);
      result.files.push(rel);
    }
    chmodSync(destination, 0o600);
  }
}

/** Whether a file starts with SQLite's header ("SQLite format 3\0"). */
function isSqlite(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    return readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') === 'SQLite format 3\u0000';
  } finally {
    closeSync(fd);
  }
}
