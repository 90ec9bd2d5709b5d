import type Database from 'better-sqlite3';
import type { GroupRecord, ScheduleRecord, ScheduleState, StoredSchedule } from './records.ts';
import { SCHEMA } from './schema.ts';

interface Row {
  body: string;
  next_fire_at: number | null;
  fired: number;
}

const fromRow = (row: Row): StoredSchedule => ({ record: JSON.parse(row.body) as ScheduleRecord, nextFireAt: row.next_fire_at, fired: row.fired === 1 });

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

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.stmt = {
      get: db.prepare<[string, string], Row>('SELECT body, next_fire_at, fired FROM schedules WHERE group_name = ? AND name = ?'),
      upsert: db.prepare('INSERT OR REPLACE INTO schedules (group_name, name, state, body, next_fire_at, fired) VALUES (?, ?, ?, ?, ?, ?)'),
      setNext: db.prepare('UPDATE schedules SET next_fire_at = ?, fired = ? WHERE group_name = ? AND name = ?'),
      delete: db.prepare('DELETE FROM schedules WHERE group_name = ? AND name = ?'),
      deleteGroupSchedules: db.prepare('DELETE FROM schedules WHERE group_name = ?'),
      due: db.prepare<[number, number], Row>('SELECT body, next_fire_at, fired FROM schedules WHERE next_fire_at IS NOT NULL AND next_fire_at <= ? ORDER BY next_fire_at LIMIT ?'),
      earliest: db.prepare<[], { at: number | null }>('SELECT MIN(next_fire_at) AS at FROM schedules WHERE next_fire_at IS NOT NULL'),
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM schedules'),
      getGroup: db.prepare<[string], { body: string }>('SELECT body FROM schedule_groups WHERE name = ?'),
      putGroup: db.prepare('INSERT OR REPLACE INTO schedule_groups (name, body) VALUES (?, ?)'),
      deleteGroup: db.prepare('DELETE FROM schedule_groups WHERE name = ?'),
      listGroups: db.prepare<[{ after: string; prefix: string; limit: number }], { body: string }>('SELECT body FROM schedule_groups WHERE name > @after AND substr(name, 1, length(@prefix)) = @prefix ORDER BY name LIMIT @limit'),
    };
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  get(group: string, name: string): StoredSchedule | undefined {
    const row = this.stmt.get.get(group, name);
    return row ? fromRow(row) : undefined;
  }

  put(schedule: StoredSchedule): void {
    const r = schedule.record;
    this.stmt.upsert.run(r.GroupName, r.Name, r.State, JSON.stringify(r), schedule.nextFireAt, schedule.fired ? 1 : 0);
  }

  setNext(group: string, name: string, nextFireAt: number | null, fired: boolean): void {
    this.stmt.setNext.run(nextFireAt, fired ? 1 : 0, group, name);
  }

  delete(group: string, name: string): boolean {
    return this.stmt.delete.run(group, name).changes > 0;
  }

  /** Schedules due at `now`, earliest first. */
  due(now: number, limit: number): StoredSchedule[] {
    return this.stmt.due.all(now, limit).map(fromRow);
  }

  earliest(): number | undefined {
    return this.stmt.earliest.get()?.at ?? undefined;
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
    const sql = `SELECT body, next_fire_at, fired FROM schedules ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY group_name, name LIMIT ?`;
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
