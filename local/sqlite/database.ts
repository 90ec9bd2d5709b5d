/**
 * The emulators' SQLite, on Node's built-in `node:sqlite` (Node ≥ 24: no native addon to build
 * for the Node that runs it), with the small synchronous surface the stores use: typed prepared
 * statements, `pragma`, and `transaction(fn)` that nests as savepoints.
 *
 * It keeps the conventions the stores were written against (better-sqlite3's, measured and
 * replaced in docs/benchmarks.md "SQLite driver"): BLOB columns read back as `Buffer`, a 5 s busy
 * timeout when another connection holds the write lock, foreign keys enforced, no double-quoted
 * string literals. Errors are node:sqlite's (`code: 'ERR_SQLITE_ERROR'`, `errcode`, `errstr`).
 */
import { existsSync } from 'node:fs';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';

export interface RunResult {
  /** Rows inserted, updated or deleted by the statement. */
  changes: number;
  lastInsertRowid: number;
}

export interface OpenOptions {
  /** Open for reading only (`SQLITE_OPEN_READONLY`). */
  readonly?: boolean;
  /** Refuse to create the file: throws `SqliteFileMissing` when it does not exist. */
  fileMustExist?: boolean;
}

/** A database file that had to exist did not. */
export class SqliteFileMissing extends Error {
  override readonly name = 'SqliteFileMissing';
}

/** How long a statement waits for another connection's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

/** A prepared statement whose parameters are `P` and whose rows are `R`. */
export class Statement<P extends unknown[] = unknown[], R = unknown> {
  constructor(private readonly inner: StatementSync) {}

  run(...params: P): RunResult {
    const result = this.inner.run(...(params as SQLInputValue[]));
    return { changes: Number(result.changes), lastInsertRowid: Number(result.lastInsertRowid) };
  }

  get(...params: P): R | undefined {
    const row = this.inner.get(...(params as SQLInputValue[]));
    return row === undefined ? undefined : withBuffers<R>(row);
  }

  all(...params: P): R[] {
    return this.inner.all(...(params as SQLInputValue[])).map((row) => withBuffers<R>(row));
  }

  *iterate(...params: P): IterableIterator<R> {
    for (const row of this.inner.iterate(...(params as SQLInputValue[]))) yield withBuffers<R>(row);
  }
}

/** One connection to a SQLite file (or `:memory:`). */
export class Database {
  private readonly inner: DatabaseSync;
  private savepoints = 0;

  constructor(path: string, options: OpenOptions = {}) {
    if (options.fileMustExist && path !== ':memory:' && !existsSync(path)) throw new SqliteFileMissing(`unable to open database file: ${path} does not exist`);
    this.inner = new DatabaseSync(path, { readOnly: options.readonly ?? false, timeout: BUSY_TIMEOUT_MS, enableForeignKeyConstraints: true, enableDoubleQuotedStringLiterals: false });
  }

  /** True while a transaction is open on this connection. */
  get inTransaction(): boolean {
    return this.inner.isTransaction;
  }

  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): Statement<P, R> {
    return new Statement<P, R>(this.inner.prepare(sql));
  }

  exec(sql: string): this {
    this.inner.exec(sql);
    return this;
  }

  /** Runs `PRAGMA <source>`: every row, or with `simple` the first column of the first row. */
  pragma(source: string, options: { simple: true }): unknown;
  pragma(source: string, options?: { simple?: false }): unknown[];
  pragma(source: string, options: { simple?: boolean } = {}): unknown {
    const rows = this.inner.prepare(`PRAGMA ${source}`).all();
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
      this.inner.exec(nested ? `SAVEPOINT ${savepoint}` : 'BEGIN');
      try {
        const result = fn(...args);
        this.inner.exec(nested ? `RELEASE ${savepoint}` : 'COMMIT');
        return result;
      } catch (error) {
        // A failed COMMIT (a full disk) may have ended the transaction already.
        if (this.inner.isTransaction) this.inner.exec(nested ? `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}` : 'ROLLBACK');
        throw error;
      } finally {
        this.savepoints--;
      }
    };
  }

  close(): void {
    if (this.inner.isOpen) this.inner.close();
  }

  /** The node:sqlite connection, for what this surface does not cover (online backup). */
  get connection(): DatabaseSync {
    return this.inner;
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
