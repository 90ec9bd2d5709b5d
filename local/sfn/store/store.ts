import type { ExecutionRecord, HistoryEvent, StateMachineRecord } from './records.ts';

/** Everything one execution changed since its last checkpoint; written in one transaction with others. */
export interface ExecutionChange {
  execution: ExecutionRecord;
  isNew: boolean;
  events: HistoryEvent[];
  /** Frames to insert or replace (serialized by the engine). */
  frames: readonly { id: string; body: string }[];
  deletedFrames: readonly string[];
  openedTokens: readonly string[];
  closedTokens: readonly string[];
}

/** Where the emulator keeps state machines, executions, their positions, history and task tokens. */
export interface SfnStore {
  /** False when nothing can resume after a restart: positions (frames) aren't kept. */
  readonly durable: boolean;
  insertStateMachine(sm: StateMachineRecord): void;
  updateStateMachine(sm: StateMachineRecord): void;
  getStateMachine(arn: string): StateMachineRecord | undefined;
  listStateMachines(): StateMachineRecord[];
  deleteStateMachine(arn: string): void;
  getExecution(arn: string): ExecutionRecord | undefined;
  /** Newest first. */
  listExecutions(stateMachineArn: string): ExecutionRecord[];
  runningExecutions(): { execution: ExecutionRecord; frames: string[] }[];
  /** Events after `afterId` ascending, or before it descending when `reverse`. */
  history(arn: string, afterId: number, limit: number, reverse: boolean): HistoryEvent[];
  token(token: string): { open: boolean; executionArn: string } | undefined;
  /** Writes every change atomically. */
  write(changes: Iterable<ExecutionChange>): void;
  close(): void;
}
