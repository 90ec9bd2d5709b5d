import type { Clock } from '../../../core/time/clock.ts';
import type { Json } from '../json.ts';
import type { QueryLanguage, StateDefinition, StateMachineDefinition } from '../asl/types.ts';
import type { TaskIntegrations } from '../integrations/types.ts';
import { ExecutionStatus, type ExecutionRecord, type HistoryEvent } from '../store/records.ts';
import { CancelScope, Cancelled } from './cancellation.ts';
import { NOT_TRUNCATED, STATE_ABORTED } from './event-details.ts';
import type { CallbackRegistry } from './callbacks.ts';
import type { Frame } from './frame.ts';
import { Journal, type Checkpointer } from './journal.ts';

/** AWS fails an execution whose history would exceed this many events. */
export const MAX_HISTORY_EVENTS = 25_000;

export interface EngineDeps {
  clock: Clock;
  integrations: TaskIntegrations;
  random: () => number;
  callbacks: CallbackRegistry;
  checkpointer: Checkpointer;
}

const ABORTABLE: ReadonlySet<string> = new Set(['Task', 'Wait', 'Map', 'Parallel']);
const RETRYING: ReadonlySet<string> = new Set(['Task', 'Map', 'Parallel']);

/** One running execution: its record, its frames, its history journal and its cancellation scope. */
export class Execution {
  readonly journal: Journal;
  readonly frames = new Map<string, Frame>();
  readonly scope = new CancelScope();
  readonly input: Json;
  private readonly machines = new Map<string, StateMachineDefinition>();
  private cancelTimeout: (() => void) | undefined;
  #region: string | undefined;

  constructor(
    readonly record: ExecutionRecord,
    readonly definition: StateMachineDefinition,
    readonly deps: EngineDeps,
  ) {
    this.journal = new Journal(deps.checkpointer.durable);
    this.input = JSON.parse(record.input) as Json;
  }

  /** The region history events name: the execution ARN's. */
  get region(): string {
    this.#region ??= this.record.arn.split(':')[3] ?? 'us-east-1';
    return this.#region;
  }

  get closed(): boolean {
    return this.record.status !== ExecutionStatus.RUNNING;
  }

  now(): number {
    return this.deps.clock.now();
  }

  machineOf(frame: Frame): StateMachineDefinition {
    if (frame.machinePath.length === 0) return this.definition;
    const key = frame.machinePath.join('\u0000');
    let machine = this.machines.get(key);
    if (!machine) {
      let node: unknown = this.definition;
      for (const step of frame.machinePath) node = (node as Record<string | number, unknown>)[step];
      machine = node as StateMachineDefinition;
      this.machines.set(key, machine);
    }
    return machine;
  }

  stateOf(frame: Frame): StateDefinition {
    return this.machineOf(frame).States[frame.state]!;
  }

  /** A state's query language: its own, else its (sub-)machine's, else the top level's, else JSONPath. */
  languageOf(frame: Frame, state: StateDefinition): QueryLanguage {
    return state.QueryLanguage ?? this.machineOf(frame).QueryLanguage ?? this.definition.QueryLanguage ?? 'JSONPath';
  }

  /** The context object (`$$` / `$states.context`) for the frame's current state. */
  context(frame: Frame, extra?: { token?: string; mapItem?: { index: number; value: Json } }): Json {
    const r = this.record;
    const state: { [key: string]: Json } = { EnteredTime: new Date(frame.enteredAt).toISOString(), Name: frame.state };
    // Only the states that can retry (Task, Parallel, Map) have State.RetryCount on AWS.
    if (RETRYING.has(this.stateOf(frame).Type)) state.RetryCount = frame.progress?.retryCounts.reduce((a, b) => a + b, 0) ?? 0;
    return {
      Execution: { Id: r.arn, Input: this.input, Name: r.name, RoleArn: r.roleArn, StartTime: new Date(r.startDate).toISOString(), RedriveCount: 0 },
      State: state,
      StateMachine: { Id: r.stateMachineArn, Name: r.stateMachineArn.split(':').pop()! },
      ...(extra?.token ? { Task: { Token: extra.token } } : {}),
      ...(extra?.mapItem ? { Map: { Item: { Index: extra.mapItem.index, Value: extra.mapItem.value } } } : {}),
    };
  }

  /** Appends a history event on behalf of `frame`; fails the execution when the history is full. */
  emit(frame: Frame | undefined, type: string, details?: Record<string, Json>): number {
    if (this.closed) throw new Cancelled();
    if (this.record.eventCount >= MAX_HISTORY_EVENTS - 1) {
      this.fail('States.Runtime', `The execution has exceeded the limit of ${MAX_HISTORY_EVENTS} history events.`);
      throw new Cancelled();
    }
    return this.append(frame, type, details);
  }

  private append(frame: Frame | undefined, type: string, details?: Record<string, Json>): number {
    const id = ++this.record.eventCount;
    const event: HistoryEvent = { timestamp: this.now(), type, id, previousEventId: frame?.lastEventId ?? id - 1 };
    if (details) event[detailsKey(type)] = details;
    this.journal.events.push(event);
    if (frame) {
      frame.lastEventId = id;
      this.journal.touch(frame);
    }
    this.deps.checkpointer.mark(this);
    return id;
  }

  touch(frame: Frame): void {
    this.journal.touch(frame);
    this.deps.checkpointer.mark(this);
  }

  addFrames(frames: Frame[]): void {
    for (const f of frames) {
      this.frames.set(f.id, f);
      this.touch(f);
    }
  }

  removeFrames(ids: readonly string[]): void {
    for (const id of ids) {
      const f = this.frames.get(id);
      if (f) this.journal.frames.delete(f);
      this.frames.delete(id);
      this.journal.deletedFrames.add(id);
    }
    this.deps.checkpointer.mark(this);
  }

  armTimeout(onTimeout: () => void): void {
    if (this.record.timeoutAt !== undefined) this.cancelTimeout = this.deps.clock.schedule(this.record.timeoutAt, onTimeout);
  }

  succeed(output: Json): void {
    if (this.closed) return;
    this.record.output = JSON.stringify(output);
    this.close(ExecutionStatus.SUCCEEDED, 'ExecutionSucceeded', { output: this.record.output, outputDetails: NOT_TRUNCATED });
  }

  /** A Fail state may give neither Error nor Cause: the event and DescribeExecution then carry neither. */
  fail(error: string | undefined, cause: string | undefined): void {
    this.close(ExecutionStatus.FAILED, 'ExecutionFailed', { ...(error !== undefined ? { error } : {}), ...(cause !== undefined ? { cause } : {}) }, { error, cause });
  }

  abort(error: string | undefined, cause: string | undefined): void {
    this.abortActiveStates();
    this.close(ExecutionStatus.ABORTED, 'ExecutionAborted', { ...(error !== undefined ? { error } : {}), ...(cause !== undefined ? { cause } : {}) }, { error, cause });
  }

  timeOut(): void {
    this.abortActiveStates();
    this.close(ExecutionStatus.TIMED_OUT, 'ExecutionTimedOut', { error: 'States.Timeout', cause: 'The execution timed out (TimeoutSeconds)' }, { error: 'States.Timeout' });
  }

  /** Task, Wait, Map and Parallel states still in progress record their `…StateAborted`. */
  private abortActiveStates(): void {
    for (const frame of this.frames.values()) {
      if (!frame.progress || frame.result) continue;
      const type = this.stateOf(frame).Type;
      if (ABORTABLE.has(type)) this.append(frame, STATE_ABORTED[type]);
    }
  }

  private close(status: ExecutionStatus, type: string, details: Record<string, Json>, fields: { error?: string | undefined; cause?: string | undefined } = {}): void {
    if (this.closed) return;
    this.append(undefined, type, details);
    this.record.status = status;
    this.record.stopDate = this.now();
    if (fields.error !== undefined) this.record.error = fields.error;
    if (fields.cause !== undefined) this.record.cause = fields.cause;
    this.cancelTimeout?.();
    this.scope.cancel();
  }
}

const detailsKeys = new Map<string, string>();

/** `TaskScheduled` → `taskScheduledEventDetails`; state entered/exited events share one details shape. Memoized: the set of types is small. */
function detailsKey(type: string): string {
  let key = detailsKeys.get(type);
  if (key === undefined) {
    if (type.endsWith('StateEntered')) key = 'stateEnteredEventDetails';
    else if (type.endsWith('StateExited')) key = 'stateExitedEventDetails';
    else key = `${type[0]!.toLowerCase()}${type.slice(1)}EventDetails`;
    detailsKeys.set(type, key);
  }
  return key;
}
