/**
 * Write faults of a data directory: a full disk, a quota, an I/O error. The emulators' SQLite
 * stores and the secret files meet them as node:sqlite errors (`ERR_SQLITE_ERROR` whose `errcode` is
 * SQLITE_FULL or an SQLITE_IOERR_*), a test's `SQLITE_FULL`/`SQLITE_IOERR_*` code, or a Node system
 * error (`ENOSPC`, `EDQUOT`, `EIO`); every one of them is the same to the caller: nothing was
 * written, try again once space returns.
 */

const SQLITE_FAULTS = /^SQLITE_(FULL|IOERR)/;
const ERRNO_FAULTS = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS']);
/** Primary result codes (the low byte of an extended code): https://www.sqlite.org/rescode.html */
const SQLITE_IOERR = 10;
const SQLITE_FULL = 13;

/** Whether `error` says the disk could not take a write (as opposed to a bug or a constraint). */
export function isWriteFault(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, errcode } = error as { code?: unknown; errcode?: unknown };
  if (code === 'ERR_SQLITE_ERROR' && typeof errcode === 'number') return [SQLITE_IOERR, SQLITE_FULL].includes(errcode & 0xff);
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
    super(`${store} cannot write its data (${faultName(fault)}); retry once space returns`);
  }
}

function faultName(fault: Error): string {
  const { code, errstr } = fault as { code?: string; errstr?: string };
  return code === 'ERR_SQLITE_ERROR' ? (errstr ?? fault.message) : (code ?? fault.message);
}

/** Delay before the next retry of a failed write: 250 ms doubling to 10 s (units: ms). */
export function writeRetryDelay(failures: number): number {
  return Math.min(250 * 2 ** Math.max(0, failures - 1), 10_000);
}
