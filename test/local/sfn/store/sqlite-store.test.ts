import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../local/sqlite/database.ts';
import type { ExecutionRecord } from '../../../../local/sfn/store/records.ts';
import { SqliteStore } from '../../../../local/sfn/store/sqlite-store.ts';

const MACHINE = 'arn:aws:states:us-east-1:123456789012:stateMachine:order';
const DEFINITION = JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'Review', States: { Review: { Type: 'Pass', End: true, Comment: 'x'.repeat(20_000) } } });

const OTHER = '{"StartAt":"Other","States":{"Other":{"Type":"Succeed"}}}';
const record = (name: string, definition = DEFINITION): ExecutionRecord => ({ arn: `arn:aws:states:us-east-1:123456789012:execution:order:${name}`, stateMachineArn: MACHINE, name, status: 'RUNNING', input: '{}', startDate: 1, definition, roleArn: 'arn:aws:iam::123456789012:role/sfn', eventCount: 1 });
const change = (execution: ExecutionRecord) => ({ execution, isNew: true, events: [], frames: [], deletedFrames: [], openedTokens: [], closedTokens: [] });

describe('The Step Functions emulator’s SQLite store', () => {
  let dir: string;
  beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'sfn-store-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps one copy of a definition however many executions run it, and gives each execution its definition back after a restart', () => {
    const store = new SqliteStore(dir);
    store.write([change(record('a')), change(record('b'))]);
    store.write([change(record('c', OTHER))]);
    store.close();

    const raw = new Database(join(dir, 'sfn.sqlite'), { readonly: true });
    const rows = raw.prepare<[], { name: string; definition: string }>('SELECT name, definition FROM executions ORDER BY name').all();
    expect(rows.map((r) => r.definition.length)).toEqual([71, 71, 71]); // `sha256:` and 64 hex digits
    expect(rows[0]!.definition).toBe(rows[1]!.definition);
    expect(raw.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM definitions').get()?.n).toBe(2);
    raw.close();

    const reopened = new SqliteStore(dir);
    expect(reopened.getExecution(record('a').arn)?.definition).toBe(DEFINITION);
    expect(reopened.runningExecutions().map((r) => r.execution.definition)).toEqual([DEFINITION, DEFINITION, OTHER]);
    reopened.close();
  });

  it('reads an execution written with its definition inline, as rows were before', () => {
    new SqliteStore(dir).close();
    const raw = new Database(join(dir, 'sfn.sqlite'));
    raw.prepare("INSERT INTO executions (arn, state_machine_arn, name, status, input, start_date, definition, role_arn, event_count, seq) VALUES ('arn:old', ?, 'old', 'RUNNING', '{}', 1, ?, 'role', 1, 1)").run(MACHINE, DEFINITION);
    raw.close();
    const store = new SqliteStore(dir);
    expect(store.getExecution('arn:old')?.definition).toBe(DEFINITION);
    store.close();
  });
});
