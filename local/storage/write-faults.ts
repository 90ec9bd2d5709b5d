/**
 * Write faults of a data directory: a full disk, a quota, an I/O error. The emulators' SQLite
 * stores and the secret files meet them as `SqliteError` (`SQLITE_FULL`, `SQLITE_IOERR`,
 * local/sqlite/database.ts) or a Node system error (`ENOSPC`, `EDQUOT`, `EIO`); every one of them
 * is the same to the caller: nothing was written, try again once space returns.
 */

const SQLITE_FAULTS = /^SQLITE_(FULL|IOERR)/;
const ERRNO_FAULTS = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS']);

/** Whether `error` says the disk could not take a write (as opposed to a bug or a constraint). */
export function isWriteFault(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (SQLITE_FAULTS.test(code) || ERRNO_FAULTS.has(code));
}

/**
 * A store could not write its data and refuses new work until it can. AWS answers such a state
 * with 503 and the SDKs retry it; the emulators answer `ServiceUnavailable` (503).
 */
export class StoreUnavailable extends Error {
  override readonly name = 'StoreUnavailable';
  constructor(
    readonly store: string,
    readonly fault: Error,
  ) {
    super(`${store} cannot write its data (${(fault as { code?: string }).code ?? fault.message}); retry once space returns`);
  }
}

/** Delay before the next retry of a failed write: 250 ms doubling to 10 s (units: ms). */
export function writeRetryDelay(failures: number): number {
  return Math.min(250 * 2 ** Math.max(0, failures - 1), 10_000);
}
