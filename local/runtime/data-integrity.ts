/**
 * A damaged data directory stops the start instead of starting as if new (issue 21: an emptied
 * `dynamodb.sqlite` started with 0 cases while 744 order workflows still ran, `/healthz` ok).
 * Before any store opens, each SQLite store present passes `PRAGMA quick_check`, and the stores
 * must agree: running workflows (Step Functions executions) with a DynamoDB store that is missing
 * or holds no items is a damaged directory. The refusal names the file and how to restore it.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../sqlite/database.ts';

/** The SQLite stores of a data directory, relative to it (their emulators create them). */
export const STORE_FILES = {
  dynamodb: join('dynamodb-embedded', 'dynamodb.sqlite'),
  sfn: join('sfn', 'sfn.sqlite'),
  eventbridge: join('eventbridge', 'eventbridge.sqlite'),
  scheduler: join('scheduler', 'scheduler.sqlite'),
  sqs: join('sqs', 'sqs.sqlite'),
} as const;

/** DynamoDB Local's own SQLite file (`--dynamodb java`). */
export const JAVA_DYNAMODB_FILE = join('dynamodb', 'shared-local-instance.db');

/** A store is unreadable or the stores disagree; the message names the file and the way back. */
export class DataDirDamaged extends Error {
  override readonly name = 'DataDirDamaged';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file} ${reason}; the data directory is damaged, so nothing was started: stop here and restore the file from a backup (npm run -s backup -- <dir> makes one; docs/emulators.md "Backup and restore"), or move the data directory aside to start empty`);
  }
}

/**
 * Checks `dataDir`'s stores; throws DataDirDamaged naming the first bad file. A new (empty) data
 * directory passes. `dynamodb` says which DynamoDB home the runtime uses: the embedded store's
 * file is checked against the workflows; DynamoDB Local's only for its integrity.
 */
export function checkDataDir(dataDir: string, dynamodb: 'embedded' | 'java' = 'embedded'): void {
  const files = [...Object.values(STORE_FILES), JAVA_DYNAMODB_FILE];
  for (const relative of files) {
    const path = join(dataDir, relative);
    if (existsSync(path)) quickCheck(path);
  }
  const running = runningExecutions(join(dataDir, STORE_FILES.sfn));
  if (running === 0 || dynamodb === 'java') return;
  const dynamoPath = join(dataDir, STORE_FILES.dynamodb);
  if (!existsSync(dynamoPath)) throw new DataDirDamaged(dynamoPath, `is missing while ${running} workflows are running (${join(dataDir, STORE_FILES.sfn)})`);
  const items = itemCount(dynamoPath);
  if (items === 0) throw new DataDirDamaged(dynamoPath, `holds no items (${statSync(dynamoPath).size} bytes) while ${running} workflows are running (${join(dataDir, STORE_FILES.sfn)}): the workflows' cases are gone`);
}

function quickCheck(path: string): void {
  let db: Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) throw new DataDirDamaged(path, `fails SQLite's integrity check (${problems.slice(0, 2).join('; ').slice(0, 200)})`);
  } catch (error) {
    if (error instanceof DataDirDamaged) throw error;
    const code = (error as { code?: string }).code;
    throw new DataDirDamaged(path, `cannot be read as a SQLite database (${code ?? (error as Error).message})`);
  } finally {
    db?.close();
  }
}

/** RUNNING executions in the Step Functions store; 0 when there is no store or no table yet. */
function runningExecutions(path: string): number {
  return count(path, 'executions', "SELECT COUNT(*) AS n FROM executions WHERE status = 'RUNNING'");
}

function itemCount(path: string): number {
  return count(path, 'items', 'SELECT COUNT(*) AS n FROM items');
}

function count(path: string, table: string, sql: string): number {
  if (!existsSync(path)) return 0;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    return exists === undefined ? 0 : (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}
