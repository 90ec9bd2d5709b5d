import type { Database } from '../../sqlite/database.ts';

/** `due_at` of a schedule that fires no more (disabled, or a one-time schedule that has fired): after every real instant. */
export const NOT_DUE = Number.MAX_SAFE_INTEGER;

/**
 * SQLite schema of the Scheduler emulator. Schedules are stored in the order they fall due: the
 * primary key leads with `due_at`, so the timer is the first key, the schedules due at one instant
 * sit side by side on a few pages, and firing a burst of them reads and deletes a contiguous range
 * instead of one page (and one index page) per schedule. Names are a unique secondary index.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS schedule_groups (
  name TEXT PRIMARY KEY,
  body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS schedules (
  due_at INTEGER NOT NULL,
  group_name TEXT NOT NULL,
  name TEXT NOT NULL,
  state TEXT NOT NULL,
  body TEXT NOT NULL,
  fired INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (due_at, group_name, name)
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS schedules_by_name ON schedules (group_name, name);
`;

/**
 * Creates the schema, moving schedules written by the first layout (keyed by name, with a
 * nullable `next_fire_at` and an index on it) into the current one, in one transaction.
 */
export function migrate(db: Database): void {
  db.transaction(() => {
    const firstLayout = db.prepare("SELECT 1 FROM pragma_table_info('schedules') WHERE name = 'next_fire_at'").get() !== undefined;
    if (firstLayout) {
      db.exec('DROP INDEX IF EXISTS schedules_next_fire_at; ALTER TABLE schedules RENAME TO schedules_first_layout;');
    }
    db.exec(SCHEMA);
    if (firstLayout) {
      db.prepare('INSERT INTO schedules (due_at, group_name, name, state, body, fired) SELECT COALESCE(next_fire_at, ?), group_name, name, state, body, fired FROM schedules_first_layout').run(NOT_DUE);
      db.exec('DROP TABLE schedules_first_layout');
    }
  })();
}
