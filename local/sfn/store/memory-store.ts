import type { ExecutionRecord, HistoryEvent, StateMachineRecord } from './records.ts';
import type { ExecutionChange, SfnStore } from './store.ts';

/** The in-memory mode for tests and demos: same behaviour as SQLite, nothing survives the process. */
export class MemoryStore implements SfnStore {
  readonly durable = false;
  private readonly machines = new Map<string, StateMachineRecord>();
  private readonly executions = new Map<string, { record: ExecutionRecord; events: HistoryEvent[] }>();
  private readonly tokens = new Map<string, { open: boolean; executionArn: string }>();
  /** Open tokens by execution, so closing an execution doesn't scan every token ever issued. */
  private readonly openTokens = new Map<string, Set<string>>();

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
      const record = { ...c.execution };
      const entry = this.executions.get(arn);
      if (entry) {
        entry.record = record;
        for (const event of c.events) entry.events.push(event);
      } else {
        // The journal hands over a fresh list at each checkpoint: the first one is kept, not copied.
        this.executions.set(arn, { record, events: c.events });
      }
      for (const token of c.openedTokens) this.setToken(token, arn, true);
      for (const token of c.closedTokens) this.setToken(token, arn, false);
      if (record.status !== 'RUNNING') {
        for (const token of this.openTokens.get(arn) ?? []) this.tokens.set(token, { open: false, executionArn: arn });
        this.openTokens.delete(arn);
      }
    }
  }

  private setToken(token: string, executionArn: string, open: boolean): void {
    this.tokens.set(token, { open, executionArn });
    let set = this.openTokens.get(executionArn);
    if (open) {
      if (!set) this.openTokens.set(executionArn, (set = new Set()));
      set.add(token);
    } else {
      set?.delete(token);
    }
  }

  close(): void {}
}
