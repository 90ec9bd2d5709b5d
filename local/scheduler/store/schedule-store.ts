import type { Database } from '../../sqlite/database.ts';
import { BatchCommit } from './batch-commit.ts';
import type { GroupRecord, ScheduleRecord, ScheduleState, StoredSchedule } from './records.ts';
import { migrate, NOT_DUE } from './schema.ts';

interface Row {
  body: string;
  due_at: number;
  fired: number;
}

interface DueRow extends Row {
  group_name: string;
  name: string;
}

/** What becomes of a schedule that has just fired: its next instant, or it is done (kept as fired, or deleted). */
export type AfterFiring = { next: number } | 'complete' | 'delete';

/** `wal_autocheckpoint` while checkpoints are held: a bound on the WAL (in pages), not a pace. */
const HELD_AUTOCHECKPOINT_PAGES = 16_384;

const fromRow = (row: Row): StoredSchedule => ({ record: JSON.parse(row.body) as ScheduleRecord, nextFireAt: row.due_at === NOT_DUE ? null : row.due_at, fired: row.fired === 1 });

export interface ListQuery {
  group?: string;
  namePrefix?: string;
  state?: ScheduleState;
  /** Keyset paging: rows after this (group, name). */
  after?: [string, string];
  limit: number;
}

/** Schedules and groups in SQLite; nothing per schedule is held in memory. */
export class ScheduleStore {
  private readonly stmt;
  private readonly fireTransaction: (now: number, limit: number, fire: (schedule: StoredSchedule) => AfterFiring) => number;
  private readonly autocheckpoint: number;
  private checkpointsHeld = false;
  /** The API's requests of one turn, committed together (batch-commit.ts). */
  private readonly batch: BatchCommit;

  constructor(private readonly db: Database) {
    migrate(db);
    this.batch = new BatchCommit(db);
    this.autocheckpoint = Number(db.pragma('wal_autocheckpoint', { simple: true }));
    this.stmt = {
      get: db.prepare<[string, string], Row>('SELECT body, due_at, fired FROM schedules WHERE group_name = ? AND name = ?'),
      upsert: db.prepare('INSERT OR REPLACE INTO schedules (due_at, group_name, name, state, body, fired) VALUES (?, ?, ?, ?, ?, ?)'),
      delete: db.prepare('DELETE FROM schedules WHERE group_name = ? AND name = ?'),
      deleteGroupSchedules: db.prepare('DELETE FROM schedules WHERE group_name = ?'),
      due: db.prepare<[number, number], DueRow>('SELECT due_at, group_name, name, body, fired FROM schedules WHERE due_at <= ? ORDER BY due_at, group_name, name LIMIT ?'),
      moveFired: db.prepare('UPDATE schedules SET due_at = ?, fired = ? WHERE due_at = ? AND group_name = ? AND name = ?'),
      deleteFiredUpTo: db.prepare<[number, number, string, string]>('DELETE FROM schedules WHERE due_at <= ? AND (due_at, group_name, name) <= (?, ?, ?)'),
      earliest: db.prepare<[number], { at: number }>('SELECT due_at AS at FROM schedules WHERE due_at < ? ORDER BY due_at LIMIT 1'),
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM schedules'),
      getGroup: db.prepare<[string], { body: string }>('SELECT body FROM schedule_groups WHERE name = ?'),
      putGroup: db.prepare('INSERT OR REPLACE INTO schedule_groups (name, body) VALUES (?, ?)'),
      deleteGroup: db.prepare('DELETE FROM schedule_groups WHERE name = ?'),
      listGroups: db.prepare<[{ after: string; prefix: string; limit: number }], { body: string }>('SELECT body FROM schedule_groups WHERE name > @after AND substr(name, 1, length(@prefix)) = @prefix ORDER BY name LIMIT @limit'),
    };
    this.fireTransaction = db.transaction((now: number, limit: number, fire: (schedule: StoredSchedule) => AfterFiring): number => {
      const rows = this.stmt.due.all(now, limit);
      let deleted = 0;
      for (const row of rows) {
        const after = fire(fromRow(row));
        if (after === 'delete') deleted++;
        else if (after === 'complete') this.stmt.moveFired.run(NOT_DUE, 1, row.due_at, row.group_name, row.name);
        else this.stmt.moveFired.run(after.next, 0, row.due_at, row.group_name, row.name);
      }
      // The rows fetched are the first due ones in key order; those that fire again or are kept
      // have just moved past `now`, so what is left up to the last key fetched is exactly the
      // schedules to delete: one range delete on the clustered key.
      const last = rows.at(-1);
      if (last && deleted > 0) {
        const { changes } = this.stmt.deleteFiredUpTo.run(now, last.due_at, last.group_name, last.name);
        if (changes !== deleted) throw new Error(`fired ${deleted} schedules to delete but the range held ${changes}`); // rolls the chunk back
      }
      return rows.length;
    });
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Runs an API request in this turn's batch; resolves once it is committed (see `BatchCommit.run`). */
  batched<T>(work: () => T, keep: (value: T) => boolean): Promise<T> {
    return this.batch.run(work, keep);
  }

  /** Commits this turn's batch of API requests now, if one is open. */
  commitBatch(): void {
    this.batch.commit();
  }

  get(group: string, name: string): StoredSchedule | undefined {
    const row = this.stmt.get.get(group, name);
    return row ? fromRow(row) : undefined;
  }

  put(schedule: StoredSchedule): void {
    const r = schedule.record;
    this.stmt.upsert.run(schedule.nextFireAt ?? NOT_DUE, r.GroupName, r.Name, r.State, JSON.stringify(r), schedule.fired ? 1 : 0);
  }

  delete(group: string, name: string): boolean {
    return this.stmt.delete.run(group, name).changes > 0;
  }

  /**
   * Fires up to `limit` schedules due at `now`, earliest first, in one transaction: `fire` runs for
   * each (and may write, e.g. enqueue its invocation, in the same transaction) and says what becomes
   * of it; then the schedules are moved on, completed or deleted. Returns how many fired.
   */
  fireDue(now: number, limit: number, fire: (schedule: StoredSchedule) => AfterFiring): number {
    // The API's open batch first: the invocations this enqueues go out only after their own commit.
    this.batch.commit();
    return this.fireTransaction(now, limit, fire);
  }

  /**
   * Keeps WAL checkpoints out of a burst of firings: SQLite checkpoints when a commit takes the WAL
   * past `wal_autocheckpoint` pages (1,000 by default), copying the pages back into the database
   * and syncing it inside that commit, so a burst paid for several checkpoints on its way. While
   * held, commits only append to the WAL (up to a bound of 16,384 pages, 64 MiB); `releaseCheckpoints`
   * restores the setting and, after a burst, checkpoints once. Durability is unchanged: a commit is
   * in the WAL either way, and kill -9 loses nothing committed.
   */
  holdCheckpoints(): void {
    if (this.checkpointsHeld) return;
    this.checkpointsHeld = true;
    this.db.pragma(`wal_autocheckpoint = ${HELD_AUTOCHECKPOINT_PAGES}`);
  }

  releaseCheckpoints(checkpointNow: boolean): void {
    if (!this.checkpointsHeld) return;
    this.checkpointsHeld = false;
    this.db.pragma(`wal_autocheckpoint = ${this.autocheckpoint}`);
    if (!checkpointNow) return;
    this.batch.commit(); // a checkpoint cannot copy what an open transaction holds
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  /** The earliest instant a schedule falls due, if any. */
  earliest(): number | undefined {
    return this.stmt.earliest.get(NOT_DUE)?.at;
  }

  count(): number {
    return this.stmt.count.get()?.n ?? 0;
  }

  list(query: ListQuery): StoredSchedule[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const add = (clause: string, ...values: (string | number)[]): void => {
      where.push(clause);
      params.push(...values);
    };
    if (query.group !== undefined) add('group_name = ?', query.group);
    if (query.namePrefix) add('substr(name, 1, ?) = ?', query.namePrefix.length, query.namePrefix);
    if (query.state) add('state = ?', query.state);
    if (query.after) add('(group_name, name) > (?, ?)', ...query.after);
    const sql = `SELECT body, due_at, fired FROM schedules ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY group_name, name LIMIT ?`;
    return this.db
      .prepare<(string | number)[], Row>(sql)
      .all(...params, query.limit)
      .map(fromRow);
  }

  getGroup(name: string): GroupRecord | undefined {
    const row = this.stmt.getGroup.get(name);
    return row ? (JSON.parse(row.body) as GroupRecord) : undefined;
  }

  putGroup(group: GroupRecord): void {
    this.stmt.putGroup.run(group.Name, JSON.stringify(group));
  }

  /** Deletes a group with its schedules. */
  deleteGroup(name: string): void {
    this.transaction(() => {
      this.stmt.deleteGroupSchedules.run(name);
      this.stmt.deleteGroup.run(name);
    });
  }

  listGroups(namePrefix: string, after: string, limit: number): GroupRecord[] {
    return this.stmt.listGroups.all({ after, prefix: namePrefix, limit }).map((r) => JSON.parse(r.body) as GroupRecord);
  }
}
