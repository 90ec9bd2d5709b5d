import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database, SqliteError, SqliteFileMissing } from '../../../local/sqlite/database.ts';

const dirs: string[] = [];
const dir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'sqlite-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('The emulators’ SQLite on node:sqlite', () => {
  it('binds a row object with more fields than the statement names, as the stores pass executions', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE executions (arn TEXT PRIMARY KEY, status TEXT)');
    db.prepare('INSERT INTO executions (arn, status) VALUES (@arn, @status)').run({ arn: 'a', status: 'RUNNING', output: '{"done":true}' } as never);
    expect(db.prepare<[string], { status: string }>('SELECT status FROM executions WHERE arn = ?').get('a')).toEqual({ status: 'RUNNING' });
  });

  it('reads BLOB columns back as Buffers, which the stores compare with equals()', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE items (pk BLOB)');
    db.prepare('INSERT INTO items VALUES (?)').run(Buffer.from('CASE#1'));
    const row = db.prepare<[], { pk: Buffer }>('SELECT pk FROM items').get()!;
    expect(Buffer.isBuffer(row.pk)).toBe(true);
    expect(row.pk.equals(Buffer.from('CASE#1'))).toBe(true);
  });

  it('undoes only the inner call when a nested transaction throws (a savepoint), and all of it when the outer one does', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (v INTEGER)');
    const insert = db.prepare<[number]>('INSERT INTO t VALUES (?)');
    const inner = db.transaction((v: number) => {
      insert.run(v);
      throw new Error('inner fails');
    });
    db.transaction(() => {
      insert.run(1);
      expect(() => inner(2)).toThrow('inner fails');
      insert.run(3);
    })();
    expect(db.prepare<[], { v: number }>('SELECT v FROM t ORDER BY v').all().map((r) => r.v)).toEqual([1, 3]);
    expect(() =>
      db.transaction(() => {
        insert.run(4);
        throw new Error('outer fails');
      })(),
    ).toThrow('outer fails');
    expect(db.inTransaction).toBe(false);
    expect(db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM t').get()?.n).toBe(2);
  });

  it('names SQLite’s result code on its errors: SQLITE_BUSY for a held lock with timeout 0, SQLITE_NOTADB for a file that is not a database', () => {
    const d = dir();
    const path = join(d, 'lock.sqlite');
    const holder = new Database(path);
    holder.exec('BEGIN EXCLUSIVE');
    const second = new Database(path, { timeout: 0 });
    const busy = (() => {
      try {
        second.exec('BEGIN EXCLUSIVE');
      } catch (error) {
        return error;
      }
    })();
    expect(busy).toBeInstanceOf(SqliteError);
    expect(busy).toMatchObject({ name: 'SqliteError', code: 'SQLITE_BUSY' });
    holder.close();
    second.close();

    const garbage = join(d, 'garbage.sqlite');
    writeFileSync(garbage, Buffer.alloc(64 * 1024, 7));
    expect(() => new Database(garbage).pragma('quick_check')).toThrow(expect.objectContaining({ code: 'SQLITE_NOTADB' }) as Error);
  });

  it('answers pragma as rows, or with simple as the one value; refuses a missing file when it must exist', () => {
    const d = dir();
    const db = new Database(join(d, 'wal.sqlite'));
    expect(db.pragma('journal_mode = WAL', { simple: true })).toBe('wal');
    expect(db.pragma('journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    db.close();
    expect(() => new Database(join(d, 'absent.sqlite'), { fileMustExist: true })).toThrow(SqliteFileMissing);
  });

  it('backs a database up online into a new file that opens with the same rows', async () => {
    const d = dir();
    const db = new Database(join(d, 'source.sqlite'));
    db.exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('kept')");
    await db.backup(join(d, 'copy.sqlite'));
    const copy = new Database(join(d, 'copy.sqlite'), { readonly: true, fileMustExist: true });
    expect(copy.prepare<[], { v: string }>('SELECT v FROM t').all()).toEqual([{ v: 'kept' }]);
  });
});
