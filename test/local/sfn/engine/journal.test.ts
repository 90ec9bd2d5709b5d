import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../../core/time/clock.ts';
import { Checkpointer, Journal, type Journaled } from '../../../../local/sfn/engine/journal.ts';
import type { ExecutionRecord } from '../../../../local/sfn/store/records.ts';
import { MemoryStore } from '../../../../local/sfn/store/memory-store.ts';
import type { ExecutionChange } from '../../../../local/sfn/store/store.ts';

/** The emulator's in-memory store, recording each atomic write (a SQLite transaction in the durable store). */
class RecordingStore extends MemoryStore {
  readonly writes: string[][] = [];
  override write(changes: Iterable<ExecutionChange>): void {
    const list = [...changes];
    this.writes.push(list.map((c) => c.execution.name));
    super.write(list);
  }
}

const execution = (name: string): Journaled => {
  const record: ExecutionRecord = { arn: `arn:aws:states:us-east-1:123456789012:execution:order:${name}`, stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:order', name, status: 'RUNNING', input: '{}', startDate: 0, definition: '{}', roleArn: 'arn:aws:iam::123456789012:role/sfn', eventCount: 1 };
  const journal = new Journal(false);
  journal.isNew = true;
  journal.events.push({ timestamp: 0, type: 'ExecutionStarted', id: 1, previousEventId: 0 });
  journal.openedTokens.push(`token-${name}`);
  return { record, journal };
};

describe('The Step Functions checkpointer', () => {
  it('writes the task tokens of executions that reach a Task in the same turn in one commit, and resolves each wait only after it', async () => {
    const store = new RecordingStore();
    const checkpointer = new Checkpointer(store, new VirtualClock('2026-11-11T00:00:00Z'));
    const settled: string[] = [];
    const waits = ['a', 'b', 'c'].map((name) => {
      checkpointer.mark(execution(name));
      return checkpointer.durableNow().then(() => settled.push(`${name} after ${store.writes.length} write(s)`));
    });
    await Promise.all(waits);
    expect(store.writes).toEqual([['a', 'b', 'c']]);
    expect(settled).toEqual(['a after 1 write(s)', 'b after 1 write(s)', 'c after 1 write(s)']);
    expect(store.token('token-b')).toEqual({ open: true, executionArn: 'arn:aws:states:us-east-1:123456789012:execution:order:b' });
  });
});
