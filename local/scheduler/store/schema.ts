/** SQLite schema of the Scheduler emulator. `next_fire_at` is indexed: the timer is one query away. */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS schedule_groups (
  name TEXT PRIMARY KEY,
  body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS schedules (
  group_name TEXT NOT NULL,
  name TEXT NOT NULL,
  state TEXT NOT NULL,
  body TEXT NOT NULL,
  next_fire_at INTEGER,
  fired INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (group_name, name)
);
CREATE INDEX IF NOT EXISTS schedules_next_fire_at ON schedules (next_fire_at) WHERE next_fire_at IS NOT NULL;
`;
