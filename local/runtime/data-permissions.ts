/**
 * The data directory holds customers' phone numbers (the stores), the token signing key, the
 * webhook secret and the accounts' password hashes: only the user running the platform may read
 * it. Directories are made 0700 and files 0600, at start and again once every store has opened
 * (SQLite creates its files 0644 and DynamoDB Local runs under Java's umask; SQLite's later -wal and
 * -shm files copy their database's mode). A directory of 0700 already shuts others out of
 * whatever is created inside it later.
 */
import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const DATA_DIR_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;

/**
 * Restricts `dir` and everything under it (symlinks are left alone: they may point outside). A
 * file that went away meanwhile (a temporary renamed, a WAL checkpointed) needs nothing; one owned
 * by another user (EPERM) cannot be changed by us and is left as it is.
 */
export function restrictDataDir(dir: string): void {
  tolerant(() => chmodSync(dir, DATA_DIR_MODE));
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) tolerant(() => restrictDataDir(path));
    else if (entry.isFile()) tolerant(() => (lstatSync(path).mode & 0o777) !== DATA_FILE_MODE && chmodSync(path, DATA_FILE_MODE));
  }
}

function tolerant(change: () => unknown): void {
  try {
    change();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EPERM') throw error;
  }
}
