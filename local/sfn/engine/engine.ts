import type { Clock } from '../../../core/time/clock.ts';
import type { Json } from '../json.ts';
import type { StateMachineDefinition } from '../asl/types.ts';
import type { ErrorOutput } from '../errors/states-errors.ts';
import { InvalidToken, TaskDoesNotExist, TaskTimedOut } from '../api/errors.ts';
import type { TaskIntegrations } from '../integrations/types.ts';
import { unconfiguredIntegrations } from '../integrations/lambda-http.ts';
import { ExecutionStatus, type ExecutionRecord } from '../store/records.ts';
import type { SfnStore } from '../store/store.ts';
import { CallbackRegistry } from './callbacks.ts';
import { NOT_TRUNCATED } from './event-details.ts';
import { Execution, type EngineDeps } from './execution.ts';
import type { Frame } from './frame.ts';
import { Checkpointer } from './journal.ts';
import { runBranch } from './run-branch.ts';
import { isWellFormedToken } from './task-token.ts';
import type { StorageReporter } from '../../storage/storage-health.ts';
import type { StoreUnavailable } from '../../storage/write-faults.ts';

export interface EngineOptions {
  store: SfnStore;
  clock: Clock;
  integrations?: TaskIntegrations;
  /** For retry jitter; injectable so tests are deterministic. */
  random?: () => number;
  /** Hears when the store cannot write (a full disk) and when it can again. */
  health?: StorageReporter;
}

export interface NewExecution {
  arn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  definition: string;
  roleArn: string;
}

/** Runs executions: starts, resumes after a restart, stops, and routes task callbacks. */
export class ExecutionEngine {
  private readonly running = new Map<string, Execution>();
  private readonly definitions = new Map<string, StateMachineDefinition>();
  private idleWaiters: (() => void)[] = [];
  private readonly deps: EngineDeps;
  readonly store: SfnStore;

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.deps = {
      clock: options.clock,
      integrations: options.integrations ?? unconfiguredIntegrations,
      random: options.random ?? Math.random,
      callbacks: new CallbackRegistry(),
      checkpointer: new Checkpointer(options.store, options.clock, options.health),
    };
  }

  /** Picks up every execution that was RUNNING when the data was last written; due timers fire at once. */
  resume(): number {
    const rows = this.store.runningExecutions();
    for (const { execution: record, frames } of rows) {
      const execution = new Execution(record, this.parsed(record.definition), this.deps);
      for (const body of frames) {
        const frame = JSON.parse(body) as Frame;
        execution.frames.set(frame.id, frame);
      }
      this.launch(execution);
    }
    return rows.length;
  }

  /** Starts an execution; await `committed()` before telling anyone it exists. */
  start(spec: NewExecution): ExecutionRecord {
    this.refuseWhileUnavailable();
    const definition = this.parsed(spec.definition);
    const now = this.deps.clock.now();
    const record: ExecutionRecord = {
      ...spec,
      status: ExecutionStatus.RUNNING,
      startDate: now,
      eventCount: 0,
      ...(definition.TimeoutSeconds !== undefined ? { timeoutAt: now + definition.TimeoutSeconds * 1000 } : {}),
    };
    const execution = new Execution(record, definition, this.deps);
    execution.journal.isNew = true;
    const root: Frame = { id: 'root', machinePath: [], state: definition.StartAt, input: execution.input, variables: {}, lastEventId: 0, enteredAt: now };
    execution.frames.set(root.id, root);
    execution.emit(root, 'ExecutionStarted', { input: spec.input, inputDetails: NOT_TRUNCATED, roleArn: spec.roleArn });
    this.launch(execution);
    return record;
  }

  private launch(execution: Execution): void {
    this.running.set(execution.record.arn, execution);
    execution.armTimeout(() => {
      execution.timeOut();
      this.deps.checkpointer.mark(execution);
    });
    const root = execution.frames.get('root')!;
    runBranch(execution, root, execution.scope)
      .then(() => {
        if (execution.closed || !root.result) return;
        if ('output' in root.result) execution.succeed(root.result.output);
        else execution.fail(root.result.error.Error, root.result.error.Cause);
      })
      .catch((err: unknown) => {
        // A bug, not a workflow error: fail the execution rather than leave it hanging.
        console.error(`sfn-local: execution ${execution.record.arn} crashed`, err);
        if (!execution.closed) execution.fail('States.Runtime', `Internal error: ${(err as Error).message}`);
      })
      .finally(() => {
        this.running.delete(execution.record.arn);
        this.deps.checkpointer.mark(execution);
        if (this.running.size === 0) this.wakeIdle();
      });
  }

  /** Resolves once no execution is running here (at once if none is): benches and tests await completion without polling. */
  idle(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private wakeIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Definitions are immutable text: parse each once. */
  private parsed(text: string): StateMachineDefinition {
    let definition = this.definitions.get(text);
    if (!definition) {
      definition = JSON.parse(text) as StateMachineDefinition;
      this.definitions.set(text, definition);
    }
    return definition;
  }

  isRunning(arn: string): boolean {
    return this.running.has(arn);
  }

  runningRecord(arn: string): ExecutionRecord | undefined {
    return this.running.get(arn)?.record;
  }

  /** Returns false when the execution isn't running here. */
  stop(arn: string, error: string | undefined, cause: string | undefined): boolean {
    const execution = this.running.get(arn);
    if (!execution || execution.closed) return false;
    this.refuseWhileUnavailable();
    execution.abort(error, cause);
    this.deps.checkpointer.commit();
    return true;
  }

  sendTaskSuccess(token: unknown, output: Json): void {
    this.callback(token, (handlers, task) => {
      task.callbackOutput = output;
      return () => handlers.success(output);
    });
  }

  sendTaskFailure(token: unknown, error: ErrorOutput): void {
    this.callback(token, (handlers, task) => {
      task.callbackError = error;
      return () => handlers.failure(error);
    });
  }

  sendTaskHeartbeat(token: unknown): void {
    this.callback(token, (handlers) => () => handlers.heartbeat(), false);
  }

  /**
   * Records the callback in the task's frame and commits it before the API answers; then wakes the
   * waiting task. Unknown, closed and malformed tokens fail as AWS fails them.
   */
  private callback(
    token: unknown,
    record: (handlers: NonNullable<ReturnType<CallbackRegistry['get']>>, task: NonNullable<NonNullable<Frame['progress']>['task']>) => () => void,
    closesToken = true,
  ): void {
    if (!isWellFormedToken(token)) throw new InvalidToken('Invalid Token: the task token is malformed');
    const handlers = this.deps.callbacks.get(token);
    const found = handlers && this.findTask(token);
    if (!handlers || !found) {
      const known = this.store.token(token);
      if (known && !known.open) throw new TaskTimedOut("Task Timed Out: 'Provided task does not exist anymore'");
      throw new TaskDoesNotExist('Task does not exist');
    }
    const { execution, frame, task } = found;
    this.refuseWhileUnavailable();
    const before = { output: task.callbackOutput, error: task.callbackError };
    const wake = record(handlers, task);
    if (closesToken) execution.journal.closedTokens.push(token);
    execution.touch(frame);
    try {
      this.deps.checkpointer.commit();
    } catch (error) {
      // Not written, so not answered: the task waits as before and the caller retries.
      task.callbackOutput = before.output;
      task.callbackError = before.error;
      if (closesToken) execution.journal.closedTokens.splice(execution.journal.closedTokens.lastIndexOf(token), 1);
      throw error;
    }
    wake();
  }

  /** The store's standing write fault, if it cannot write now (a full disk). */
  get unavailable(): StoreUnavailable | undefined {
    return this.deps.checkpointer.unavailable;
  }

  /** New work waits until the store can write again: nothing is accepted that could not be kept. */
  private refuseWhileUnavailable(): void {
    const fault = this.deps.checkpointer.unavailable;
    if (fault && !this.deps.checkpointer.flush()) throw fault;
  }

  private findTask(token: string): { execution: Execution; frame: Frame; task: NonNullable<NonNullable<Frame['progress']>['task']> } | undefined {
    for (const execution of this.running.values()) {
      for (const frame of execution.frames.values()) {
        const task = frame.progress?.task;
        if (task?.token === token) return { execution, frame, task };
      }
    }
    return undefined;
  }

  /** Commits everything journaled so far (reads after this see it); false when the store cannot write now. */
  flush(): boolean {
    return this.deps.checkpointer.flush();
  }

  /** Group commit: resolves once everything journaled so far is durable. */
  committed(): Promise<void> {
    return this.deps.checkpointer.committed();
  }

  /** Stops running without writing anything more: what a crash leaves behind (tests) or a shutdown after flush. */
  halt(): void {
    this.deps.checkpointer.halt();
    for (const execution of this.running.values()) execution.scope.cancel();
    this.running.clear();
    this.wakeIdle();
  }
}
