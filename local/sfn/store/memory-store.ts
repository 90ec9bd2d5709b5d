import type { ExecutionRecord, HistoryEvent, StateMachineRecord } from './records.ts';
import type { ExecutionChange, SfnStore } from './store.ts';

/** The in-memory mode for tests and demos: same behaviour as SQLite, nothing survives the process. */
export class MemoryStore implements SfnStore {
  readonly durable = false;
  private readonly machines = new Map<string, StateMachineRecord>();
  private readonly executions = new Map<string, { record: ExecutionRecord; events: HistoryEvent[] }>();
  private readonly tokens = new Map<string, { open: boolean; executionArn: string }>();

  insertStateMachine(sm: StateMachineRecord): void {
    this.machines.set(sm.arn, { ...sm });
  }
  updateStateMachine(sm: StateMachineRecord): void {
    this.machines.set(sm.arn, { ...sm });
  }
  getStateMachine(arn: string): StateMachineRecord | undefined {
    const sm = this.machines.get(arn);
    return sm && { ...sm };
  }
  listStateMachines(): StateMachineRecord[] {
    return [...this.machines.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
  deleteStateMachine(arn: string): void {
    this.machines.delete(arn);
  }

  getExecution(arn: string): ExecutionRecord | undefined {
    const e = this.executions.get(arn);
    return e && { ...e.record };
  }
  listExecutions(stateMachineArn: string): ExecutionRecord[] {
    return [...this.executions.values()].filter((e) => e.record.stateMachineArn === stateMachineArn).map((e) => ({ ...e.record })).reverse();
  }
  runningExecutions(): { execution: ExecutionRecord; frames: string[] }[] {
    return [];
  }
  history(arn: string, afterId: number, limit: number, reverse: boolean): HistoryEvent[] {
    const events = this.executions.get(arn)?.events ?? [];
    return reverse ? events.slice(Math.max(0, afterId - 1 - limit), afterId - 1).reverse() : events.slice(afterId, afterId + limit);
  }
  token(token: string): { open: boolean; executionArn: string } | undefined {
    return this.tokens.get(token);
  }

  write(changes: Iterable<ExecutionChange>): void {
    for (const c of changes) {
      const arn = c.execution.arn;
      let entry = this.executions.get(arn);
      if (!entry) {
        entry = { record: c.execution, events: [] };
        this.executions.set(arn, entry);
      }
      entry.record = { ...c.execution };
      entry.events.push(...c.events);
      for (const token of c.openedTokens) this.tokens.set(token, { open: true, executionArn: arn });
      for (const token of c.closedTokens) this.tokens.set(token, { open: false, executionArn: arn });
      if (c.execution.status !== 'RUNNING') {
        for (const [token, t] of this.tokens) if (t.executionArn === arn && t.open) this.tokens.set(token, { ...t, open: false });
      }
    }
  }

  close(): void {}
}
