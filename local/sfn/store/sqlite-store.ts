import { Database } from '../../sqlite/database.ts';
import { hash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFINITION_REF, SCHEMA } from './schema.ts';
import type { ExecutionRecord, ExecutionStatus, HistoryEvent, StateMachineRecord } from './records.ts';
import type { ExecutionChange, SfnStore } from './store.ts';

interface ExecutionRow {
  arn: string;
  state_machine_arn: string;
  name: string;
  status: ExecutionStatus;
  input: string;
  output: string | null;
  error: string | null;
  cause: string | null;
  start_date: number;
  stop_date: number | null;
  definition: string;
  role_arn: string;
  event_count: number;
  timeout_at: number | null;
}

const fromRow = (r: ExecutionRow, definition: (stored: string) => string): ExecutionRecord => ({
  arn: r.arn,
  stateMachineArn: r.state_machine_arn,
  name: r.name,
  status: r.status,
  input: r.input,
  ...(r.output !== null ? { output: r.output } : {}),
  ...(r.error !== null ? { error: r.error } : {}),
  ...(r.cause !== null ? { cause: r.cause } : {}),
  startDate: r.start_date,
  ...(r.stop_date !== null ? { stopDate: r.stop_date } : {}),
  definition: definition(r.definition),
  roleArn: r.role_arn,
  eventCount: r.event_count,
  ...(r.timeout_at !== null ? { timeoutAt: r.timeout_at } : {}),
});

/**
 * Persistence for the emulator: SQLite in WAL mode with synchronous=NORMAL — a commit survives kill -9
 * of the process (only an OS crash can lose the last transactions). `:memory:` gives the same store in RAM.
 */
export class SqliteStore implements SfnStore {
  private readonly db: Database;
  private readonly stmt;
  private seq: number;
  readonly durable = true;
  /** Definition text → its reference, and back: a few state machines, each hashed once. */
  private readonly refs = new Map<string, string>();
  private readonly bodies = new Map<string, string>();
  private readonly definitionOf = (stored: string): string => {
    if (!stored.startsWith(DEFINITION_REF)) return stored;
    let body = this.bodies.get(stored);
    if (body === undefined) {
      body = this.stmt.getDefinition.get(stored)?.body;
      if (body === undefined) throw new Error(`sfn store: execution definition ${stored} is missing`);
      this.bodies.set(stored, body);
    }
    return body;
  };

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'sfn.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    const db = this.db;
    this.stmt = {
      insertMachine: db.prepare('INSERT INTO state_machines (arn, name, definition, role_arn, type, creation_date, revision) VALUES (@arn, @name, @definition, @roleArn, @type, @creationDate, @revision)'),
      updateMachine: db.prepare('UPDATE state_machines SET definition = @definition, role_arn = @roleArn, revision = @revision WHERE arn = @arn'),
      getMachine: db.prepare('SELECT arn, name, definition, role_arn AS roleArn, type, creation_date AS creationDate, revision FROM state_machines WHERE arn = ?'),
      listMachines: db.prepare('SELECT arn, name, definition, role_arn AS roleArn, type, creation_date AS creationDate, revision FROM state_machines ORDER BY name'),
      deleteMachine: db.prepare('DELETE FROM state_machines WHERE arn = ?'),
      insertExecution: db.prepare(
        'INSERT INTO executions (arn, state_machine_arn, name, status, input, start_date, definition, role_arn, event_count, timeout_at, seq) VALUES (@arn, @stateMachineArn, @name, @status, @input, @startDate, @definition, @roleArn, @eventCount, @timeoutAt, @seq)',
      ),
      updateExecution: db.prepare(
        'UPDATE executions SET status = @status, output = @output, error = @error, cause = @cause, stop_date = @stopDate, event_count = @eventCount WHERE arn = @arn',
      ),
      getExecution: db.prepare<[string], ExecutionRow>('SELECT * FROM executions WHERE arn = ?'),
      listExecutions: db.prepare<[string], ExecutionRow>('SELECT * FROM executions WHERE state_machine_arn = ? ORDER BY seq DESC'),
      running: db.prepare<[], ExecutionRow>("SELECT * FROM executions WHERE status = 'RUNNING' ORDER BY seq"),
      maxSeq: db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM executions'),
      upsertFrame: db.prepare('INSERT OR REPLACE INTO frames (execution_arn, id, body) VALUES (?, ?, ?)'),
      deleteFrame: db.prepare('DELETE FROM frames WHERE execution_arn = ? AND id = ?'),
      deleteFrames: db.prepare('DELETE FROM frames WHERE execution_arn = ?'),
      frames: db.prepare<[string], { body: string }>('SELECT body FROM frames WHERE execution_arn = ?'),
      insertEvent: db.prepare('INSERT INTO events (execution_arn, id, body) VALUES (?, ?, ?)'),
      eventsAsc: db.prepare<[string, number, number], { body: string }>('SELECT body FROM events WHERE execution_arn = ? AND id > ? ORDER BY id LIMIT ?'),
      eventsDesc: db.prepare<[string, number, number], { body: string }>('SELECT body FROM events WHERE execution_arn = ? AND id < ? ORDER BY id DESC LIMIT ?'),
      openToken: db.prepare('INSERT OR REPLACE INTO task_tokens (token, execution_arn, open) VALUES (?, ?, 1)'),
      closeToken: db.prepare('UPDATE task_tokens SET open = 0 WHERE token = ?'),
      closeTokens: db.prepare('UPDATE task_tokens SET open = 0 WHERE execution_arn = ? AND open = 1'),
      token: db.prepare<[string], { open: number; execution_arn: string }>('SELECT open, execution_arn FROM task_tokens WHERE token = ?'),
      putDefinition: db.prepare('INSERT OR IGNORE INTO definitions (hash, body) VALUES (?, ?)'),
      getDefinition: db.prepare<[string], { body: string }>('SELECT body FROM definitions WHERE hash = ?'),
    };
    this.seq = this.stmt.maxSeq.get()?.seq ?? 0;
  }

  insertStateMachine(sm: StateMachineRecord): void {
    this.stmt.insertMachine.run(sm);
  }
  updateStateMachine(sm: StateMachineRecord): void {
    this.stmt.updateMachine.run(sm);
  }
  getStateMachine(arn: string): StateMachineRecord | undefined {
    return this.stmt.getMachine.get(arn) as StateMachineRecord | undefined;
  }
  listStateMachines(): StateMachineRecord[] {
    return this.stmt.listMachines.all() as StateMachineRecord[];
  }
  deleteStateMachine(arn: string): void {
    this.stmt.deleteMachine.run(arn);
  }

  getExecution(arn: string): ExecutionRecord | undefined {
    const row = this.stmt.getExecution.get(arn);
    return row ? fromRow(row, this.definitionOf) : undefined;
  }

  /** Newest first. */
  listExecutions(stateMachineArn: string): ExecutionRecord[] {
    return this.stmt.listExecutions.all(stateMachineArn).map((r) => fromRow(r, this.definitionOf));
  }

  runningExecutions(): { execution: ExecutionRecord; frames: string[] }[] {
    return this.stmt.running.all().map((r) => ({ execution: fromRow(r, this.definitionOf), frames: this.stmt.frames.all(r.arn).map((f) => f.body) }));
  }

  history(arn: string, afterId: number, limit: number, reverse: boolean): HistoryEvent[] {
    const rows = reverse ? this.stmt.eventsDesc.all(arn, afterId, limit) : this.stmt.eventsAsc.all(arn, afterId, limit);
    return rows.map((r) => JSON.parse(r.body) as HistoryEvent);
  }

  token(token: string): { open: boolean; executionArn: string } | undefined {
    const row = this.stmt.token.get(token);
    return row ? { open: row.open === 1, executionArn: row.execution_arn } : undefined;
  }

  /** Writes every change in one transaction: a checkpoint of each execution's transitions. */
  write(changes: Iterable<ExecutionChange>): void {
    this.db.transaction(() => {
      for (const c of changes) this.writeOne(c);
    })();
  }

  private writeOne(c: ExecutionChange): void {
    const e = c.execution;
    if (c.isNew) {
      const definition = this.definitionRef(e.definition);
      this.stmt.insertExecution.run({ ...e, definition, timeoutAt: e.timeoutAt ?? null, seq: ++this.seq });
    }
    this.stmt.updateExecution.run({ arn: e.arn, status: e.status, output: e.output ?? null, error: e.error ?? null, cause: e.cause ?? null, stopDate: e.stopDate ?? null, eventCount: e.eventCount });
    for (const ev of c.events) this.stmt.insertEvent.run(e.arn, ev.id, JSON.stringify(ev));
    for (const token of c.openedTokens) this.stmt.openToken.run(token, e.arn);
    for (const token of c.closedTokens) this.stmt.closeToken.run(token);
    if (e.status !== 'RUNNING') {
      // A closed execution keeps its history, not its position.
      this.stmt.deleteFrames.run(e.arn);
      this.stmt.closeTokens.run(e.arn);
      return;
    }
    for (const id of c.deletedFrames) this.stmt.deleteFrame.run(e.arn, id);
    for (const f of c.frames) this.stmt.upsertFrame.run(e.arn, f.id, f.body);
  }

  /** The reference an execution row stores for `definition`, its one copy written (again, harmlessly) in the same transaction. */
  private definitionRef(definition: string): string {
    let ref = this.refs.get(definition);
    if (ref === undefined) {
      ref = DEFINITION_REF + hash('sha256', definition, 'hex');
      this.refs.set(definition, ref);
      this.bodies.set(ref, definition);
    }
    // Not skipped when already known: a rolled-back transaction (a full disk) may have taken the row back.
    this.stmt.putDefinition.run(ref, definition);
    return ref;
  }

  close(): void {
    this.db.close();
  }
}
