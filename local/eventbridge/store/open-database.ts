import { Database } from '../../sqlite/database.ts';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Opens an emulator's SQLite file under `data` in WAL mode with synchronous=NORMAL: a commit
 * survives kill -9 of the process (only an OS crash can lose the last transactions).
 * `:memory:` gives the same database in RAM.
 */
export function openDatabase(data: string, fileName: string): Database {
  if (data === ':memory:') return new Database(':memory:');
  mkdirSync(data, { recursive: true });
  const db = new Database(join(data, fileName));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}
