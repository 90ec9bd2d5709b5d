/**
 * The emulators' SQLite, on Node's built-in `node:sqlite` (Node ≥ 24: no native addon to build
 * for the Node that runs it), with the small synchronous surface the stores use: typed prepared
 * statements, `pragma`, and `transaction(fn)` that nests as savepoints.
 *
 * It keeps the conventions the stores were written against (better-sqlite3's, measured and
 * replaced in docs/benchmarks.md "SQLite driver"): BLOB columns read back as `Buffer`, a 5 s busy
 * timeout when another connection holds the write lock, foreign keys enforced, no double-quoted
 * string literals. SQLite's failures are thrown as `SqliteError` whose `code` names SQLite's primary
 * result code (`SQLITE_BUSY`, `SQLITE_FULL`, `SQLITE_NOTADB`, …) and `errcode` is its extended code.
 */
import { existsSync } from 'node:fs';
import { backup, DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';

export interface RunResult {
  /** Rows inserted, updated or deleted by the statement. */
  changes: number;
  lastInsertRowid: number;
}

export interface OpenOptions {
  /** Open for reading only (`SQLITE_OPEN_READONLY`). */
  readonly?: boolean;
  /** How long a statement waits for another connection's lock before SQLITE_BUSY (ms; default 5,000; 0 answers at once). */
  timeout?: number;
  /** Refuse to create the file: throws `SqliteFileMissing` when it does not exist. */
  fileMustExist?: boolean;
}

/** A database file that had to exist did not. */
export class SqliteFileMissing extends Error {
  override readonly name = 'SqliteFileMissing';
}

/**
 * A failure SQLite reported. `code` is `SQLITE_<primary result code>` (https://www.sqlite.org/rescode.html),
 * `errcode` the extended code, `errstr` SQLite's own words for it.
 */
export class SqliteError extends Error {
  override readonly name = 'SqliteError';
  constructor(
    message: string,
    readonly code: string,
    readonly errcode: number,
    readonly errstr: string | undefined,
    options: ErrorOptions,
  ) {
    super(message, options);
  }
}

const PRIMARY_CODES: Record<number, string> = {
  1: 'ERROR', 2: 'INTERNAL', 3: 'PERM', 4: 'ABORT', 5: 'BUSY', 6: 'LOCKED', 7: 'NOMEM', 8: 'READONLY', 9: 'INTERRUPT', 10: 'IOERR',
  11: 'CORRUPT', 12: 'NOTFOUND', 13: 'FULL', 14: 'CANTOPEN', 15: 'PROTOCOL', 16: 'EMPTY', 17: 'SCHEMA', 18: 'TOOBIG', 19: 'CONSTRAINT',
  20: 'MISMATCH', 21: 'MISUSE', 22: 'NOLFS', 23: 'AUTH', 24: 'FORMAT', 25: 'RANGE', 26: 'NOTADB',
};

/** node:sqlite's `ERR_SQLITE_ERROR` as a `SqliteError`; anything else (a bad bind type) as it is. */
function translated(error: unknown): unknown {
  const { code, errcode, errstr } = (error ?? {}) as { code?: unknown; errcode?: unknown; errstr?: unknown };
  if (code !== 'ERR_SQLITE_ERROR' || typeof errcode !== 'number') return error;
  return new SqliteError((error as Error).message, `SQLITE_${PRIMARY_CODES[errcode & 0xff] ?? 'ERROR'}`, errcode, typeof errstr === 'string' ? errstr : undefined, { cause: error });
}

/** How long a statement waits for another connection's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

/** A prepared statement whose parameters are `P` and whose rows are `R`. */
export class Statement<P extends unknown[] = unknown[], R = unknown> {
  constructor(private readonly inner: StatementSync) {
    // A row object may carry more fields than the statement names (`{ ...execution }`), as the stores pass them.
    inner.setAllowUnknownNamedParameters(true);
  }

  run(...params: P): RunResult {
    try {
      const result = this.inner.run(...(params as SQLInputValue[]));
      return { changes: Number(result.changes), lastInsertRowid: Number(result.lastInsertRowid) };
    } catch (error) {
      throw translated(error);
    }
  }

  get(...params: P): R | undefined {
    try {
      const row = this.inner.get(...(params as SQLInputValue[]));
      return row === undefined ? undefined : withBuffers<R>(row);
    } catch (error) {
      throw translated(error);
    }
  }

  all(...params: P): R[] {
    try {
      return this.inner.all(...(params as SQLInputValue[])).map((row) => withBuffers<R>(row));
    } catch (error) {
      throw translated(error);
    }
  }

  *iterate(...params: P): IterableIterator<R> {
    try {
      for (const row of this.inner.iterate(...(params as SQLInputValue[]))) yield withBuffers<R>(row);
    } catch (error) {
      throw translated(error);
    }
  }
}

/** One connection to a SQLite file (or `:memory:`). */
export class Database {
  private readonly inner: DatabaseSync;
  private savepoints = 0;

  constructor(path: string, options: OpenOptions = {}) {
    if (options.fileMustExist && path !== ':memory:' && !existsSync(path)) throw new SqliteFileMissing(`unable to open database file: ${path} does not exist`);
    try {
      this.inner = new DatabaseSync(path, { readOnly: options.readonly ?? false, timeout: options.timeout ?? BUSY_TIMEOUT_MS, enableForeignKeyConstraints: true, enableDoubleQuotedStringLiterals: false });
    } catch (error) {
      throw translated(error);
    }
  }

  /** True while a transaction is open on this connection. */
  get inTransaction(): boolean {
    return this.inner.isTransaction;
  }

  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): Statement<P, R> {
    try {
      return new Statement<P, R>(this.inner.prepare(sql));
    } catch (error) {
      throw translated(error);
    }
  }

  exec(sql: string): this {
    try {
      this.inner.exec(sql);
    } catch (error) {
      throw translated(error);
    }
    return this;
  }

  /** A consistent copy of this database into `path` through SQLite's online backup API, page by page. */
  async backup(path: string): Promise<void> {
    try {
      await backup(this.inner, path);
    } catch (error) {
      throw translated(error);
    }
  }

  /** Runs `PRAGMA <source>`: every row, or with `simple` the first column of the first row. */
  pragma(source: string, options: { simple: true }): unknown;
  pragma(source: string, options?: { simple?: false }): unknown[];
  pragma(source: string, options: { simple?: boolean } = {}): unknown {
    const rows = this.prepare<[], Record<string, unknown>>(`PRAGMA ${source}`).all();
    if (!options.simple) return rows;
    const first = rows[0];
    return first === undefined ? undefined : Object.values(first)[0];
  }

  /**
   * Wraps `fn` so each call runs in one transaction (`BEGIN … COMMIT`, `ROLLBACK` when it throws);
   * a call inside another transaction runs in a savepoint, so an inner failure undoes only itself.
   */
  transaction<A extends unknown[], T>(fn: (...args: A) => T): (...args: A) => T {
    return (...args: A): T => {
      const nested = this.inner.isTransaction;
      const savepoint = `sp${++this.savepoints}`;
      this.exec(nested ? `SAVEPOINT ${savepoint}` : 'BEGIN');
      try {
        const result = fn(...args);
        this.exec(nested ? `RELEASE ${savepoint}` : 'COMMIT');
        return result;
      } catch (error) {
        // A failed COMMIT (a full disk) may have ended the transaction already.
        if (this.inner.isTransaction) this.exec(nested ? `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}` : 'ROLLBACK');
        throw error;
      } finally {
        this.savepoints--;
      }
    };
  }

  close(): void {
    if (this.inner.isOpen) this.inner.close();
  }

}

/** node:sqlite reads BLOBs as Uint8Array; the stores compare and decode them as Buffers. */
function withBuffers<R>(row: Record<string, unknown>): R {
  for (const key in row) {
    const value = row[key];
    if (value instanceof Uint8Array && !Buffer.isBuffer(value)) row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  return row as R;
}
