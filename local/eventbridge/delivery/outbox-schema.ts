/** Tables of a delivery outbox named `table`: pending deliveries and the dead-letter log. */
export function outboxSchema(table: string): string {
  return `
CREATE TABLE IF NOT EXISTS ${table} (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  next_at INTEGER NOT NULL,
  last_error TEXT
);
CREATE INDEX IF NOT EXISTS ${table}_next_at ON ${table} (next_at);
CREATE TABLE IF NOT EXISTS ${table}_dead (
  id INTEGER PRIMARY KEY,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  failed_at INTEGER NOT NULL,
  error TEXT NOT NULL
);
`;
}
