import { Database } from '../../../../local/sqlite/database.ts';
import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../../local/dynamodb/embedded/group-commit.ts';

function database(): Database {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (k TEXT PRIMARY KEY)');
  return db;
}

const keys = (db: Database): string[] => db.prepare<[], { k: string }>('SELECT k FROM t ORDER BY k').all().map((r) => r.k);

describe('group commit', () => {
  it('commits the requests of one turn of the event loop together, and answers them only after the commit', async () => {
    const db = database();
    const commit = new GroupCommit(db);
    const insert = db.prepare('INSERT INTO t (k) VALUES (?)');
    const answered: string[] = [];
    const requests = ['a', 'b', 'c'].map((k) => commit.run(() => insert.run(k)).then(() => answered.push(k)));
    // All three ran inside one open transaction, and none is answered yet.
    expect(db.inTransaction).toBe(true);
    await Promise.resolve();
    expect(answered).toEqual([]);
    await Promise.all(requests);
    expect(db.inTransaction).toBe(false);
    expect(answered).toEqual(['a', 'b', 'c']);
    expect(keys(db)).toEqual(['a', 'b', 'c']);
  });

  it('rolls back a failing request alone: nothing of it is written, its neighbours are', async () => {
    const db = database();
    const commit = new GroupCommit(db);
    const insert = db.prepare('INSERT INTO t (k) VALUES (?)');
    const results = await Promise.allSettled([
      commit.run(() => insert.run('a')),
      commit.run(() => {
        insert.run('half');
        throw new Error('condition failed');
      }),
      commit.run(() => insert.run('b')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(keys(db)).toEqual(['a', 'b']);
  });

  it('answers every request of a batch whose commit fails with an internal error, and keeps none of it', async () => {
    const db = database();
    db.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (p INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)');
    db.pragma('foreign_keys = ON');
    const failures: unknown[] = [];
    const commit = new GroupCommit(db, (error) => failures.push(error));
    const results = await Promise.allSettled([commit.run(() => db.prepare('INSERT INTO t (k) VALUES (?)').run('a')), commit.run(() => db.prepare('INSERT INTO child (p) VALUES (1)').run())]);
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as Error).name : 'ok'))).toEqual(['InternalServerError', 'InternalServerError']);
    expect(failures).toHaveLength(1);
    expect(keys(db)).toEqual([]);
    expect(db.inTransaction).toBe(false);
  });
});
