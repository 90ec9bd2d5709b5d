/**
 * The data directory remembers the platform's clock: the system clock, or — after
 * `npm start -- --time <ISO>` — the system clock shifted to rehearse another day. Tools reading
 * the same directory (`npm run token`) then issue what is valid on the platform's time.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { offsetClock, systemClock, type Clock } from '../../core/time/clock.ts';

const FILE = 'clock.json';

/** The clock of the runtime that last started on `dataDir`. */
export function platformClock(dataDir: string): Clock {
  const path = join(dataDir, FILE);
  if (!existsSync(path)) return systemClock;
  const { offsetMs } = JSON.parse(readFileSync(path, 'utf8')) as { offsetMs: unknown };
  if (typeof offsetMs !== 'number' || !Number.isFinite(offsetMs)) throw new Error(`${path}: offsetMs is not a number; delete the file to use the system clock`);
  return offsetClock(offsetMs);
}

/** Records the running platform's clock in `dataDir` (call once the runtime holds the directory). */
export function rememberPlatformClock(dataDir: string, offsetMs: number): void {
  const path = join(dataDir, FILE);
  if (offsetMs === 0) {
    rmSync(path, { force: true });
    return;
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(`${path}.tmp`, `${JSON.stringify({ offsetMs })}\n`);
  renameSync(`${path}.tmp`, path);
}
