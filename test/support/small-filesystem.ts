import { Database } from '../../local/sqlite/database.ts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A size-limited filesystem of the test's own (tmpfs), to fill up and free again: a real full disk. */
export interface SmallFilesystem {
  readonly dir: string;
  /**
   * Writes a filler file until the filesystem has no space left. SQLite files named in
   * `databases` are checkpointed first with their WAL truncated: a WAL is reused from its start
   * after a checkpoint, and that slack would take writes a full disk should refuse.
   */
  fill(databases?: readonly string[]): void;
  /** Deletes the filler: the space returns. */
  free(): void;
  unmount(): void;
}

const FILLER = '.filler';

/** Mounts a tmpfs of `sizeMiB` on a fresh temporary directory (needs root, as the CI container runs). */
export function mountSmallFilesystem(sizeMiB = 16): SmallFilesystem {
  const dir = mkdtempSync(join(tmpdir(), 'small-fs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the disk-full tests mount a ${sizeMiB} MiB tmpfs and need root: ${(error as Error).message}`, { cause: error });
  }
  return {
    dir,
    fill(databases = []) {
      for (const file of databases) {
        const db = new Database(join(dir, file));
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
      try {
        writeFileSync(join(dir, FILLER), Buffer.alloc((sizeMiB + 1) * 1024 * 1024, 1), { flag: 'a' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        return;
      }
      throw new Error('the filler fit: the filesystem is not full');
    },
    free() {
      rmSync(join(dir, FILLER), { force: true });
    },
    unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
