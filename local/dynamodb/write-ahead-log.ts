/**
 * DynamoDB Local keeps every table of `-sharedDb` in one SQLite file and, left to itself, commits
 * with a rollback journal: about four fsyncs and a journal-file delete per write (strace,
 * docs/benchmarks.md). SQLite's WAL journal mode is a property of the database file that persists
 * across connections (https://www.sqlite.org/wal.html, "Persistence of WAL mode"), and DynamoDB
 * Local keeps it: set here before the JVM opens the file — on a fresh directory, an empty database
 * created in WAL mode, which DynamoDB Local fills with its own schema. A committed write then costs
 * an append to the WAL; a crash of the JVM (kill -9) loses nothing it acknowledged.
 */
import { Database } from '../sqlite/database.ts';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The file DynamoDB Local's `-sharedDb` keeps every table in, under `-dbPath`. */
export const SHARED_DB_FILE = 'shared-local-instance.db';

/** Puts DynamoDB Local's database under `dbPath` in WAL mode (creating an empty one if none is there yet); returns the mode it is in. */
export function useWriteAheadLog(dbPath: string): string {
  mkdirSync(dbPath, { recursive: true });
  const db = new Database(join(dbPath, SHARED_DB_FILE));
  try {
    return String(db.pragma('journal_mode = WAL', { simple: true }));
  } finally {
    db.close();
  }
}
