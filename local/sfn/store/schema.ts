/** SQLite schema. Frames are the persisted positions of an execution's branches (see engine/frame.ts). */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS state_machines (
  arn TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, definition TEXT NOT NULL, role_arn TEXT NOT NULL,
  type TEXT NOT NULL, creation_date INTEGER NOT NULL, revision INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS executions (
  arn TEXT PRIMARY KEY, state_machine_arn TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL,
  input TEXT NOT NULL, output TEXT, error TEXT, cause TEXT, start_date INTEGER NOT NULL, stop_date INTEGER,
  definition TEXT NOT NULL, role_arn TEXT NOT NULL, event_count INTEGER NOT NULL, timeout_at INTEGER,
  seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS executions_by_machine ON executions (state_machine_arn, seq);
CREATE INDEX IF NOT EXISTS executions_running ON executions (status) WHERE status = 'RUNNING';
CREATE TABLE IF NOT EXISTS frames (
  execution_arn TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (execution_arn, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
  execution_arn TEXT NOT NULL, id INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (execution_arn, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS task_tokens (
  token TEXT PRIMARY KEY, execution_arn TEXT NOT NULL, open INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS task_tokens_open ON task_tokens (execution_arn) WHERE open = 1;
CREATE TABLE IF NOT EXISTS definitions (
  hash TEXT PRIMARY KEY, body TEXT NOT NULL
) WITHOUT ROWID;
`;

/**
 * An execution row keeps its definition as \`sha256:<hex>\` of a row in \`definitions\`: one copy of
 * each definition instead of one per execution, which made every execution row span several
 * overflow pages that each update of its status or event count rewrote (the Step Functions
 * store's commits were its largest SQLite cost in bench:ingest's profile, issue 27). Rows written
 * before keep the definition itself (ASL JSON, which starts with \`{\`).
 */
export const DEFINITION_REF = 'sha256:';
