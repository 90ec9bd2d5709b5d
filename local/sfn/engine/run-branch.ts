import type { Json } from '../json.ts';
import type { StateDefinition } from '../asl/types.ts';
import { EngineError, StatesDataLimitExceeded, errorNameOf, isTerminal, toErrorOutput, withStateLocation } from '../errors/states-errors.ts';
import { overPayloadLimit } from './payload-limit.ts';
import { stateIO, type StateEnv, type StateIO } from '../io/state-io.ts';
import { EXECUTORS } from '../states/executors.ts';
import type { StateContext, StateResult } from '../states/types.ts';
import { Cancelled, type CancelScope } from './cancellation.ts';
import { NOT_TRUNCATED, STATE_ENTERED, STATE_EXITED } from './event-details.ts';
import type { Execution } from './execution.ts';
import type { Frame } from './frame.ts';
import { findCatcher, findRetrier, retryDelayMs } from './retry.ts';
import { sleepUntil } from './sleep.ts';

/**
 * Runs a branch from wherever its frame stands until it ends (frame.result) or is cancelled.
 * Each transition is journaled; the checkpointer commits it with the rest of the event-loop turn.
 */
export async function runBranch(execution: Execution, frame: Frame, scope: CancelScope): Promise<void> {
  try {
    while (!frame.result) {
      scope.throwIfCancelled();
      const state = execution.stateOf(frame);
      if (!frame.progress) {
        frame.enteredAt = execution.now();
        frame.progress = { retryCounts: [] };
        frame.enteredEventId = execution.emit(frame, STATE_ENTERED[state.Type], { name: frame.state, input: JSON.stringify(frame.input), inputDetails: NOT_TRUNCATED });
      }
      const ctx = new TransitionContext(execution, frame, state, stateIO(execution.languageOf(frame, state)), scope);
      let result: StateResult;
      try {
        result = await runWithRetry(ctx);
      } catch (err) {
        if (err instanceof Cancelled) throw err;
        frame.result = { error: toErrorOutput(located(err, frame)) };
        frame.progress = undefined;
        execution.touch(frame);
        return;
      }
      scope.throwIfCancelled();
      const outputText = JSON.stringify(result.output);
      if (overPayloadLimit(outputText)) {
        // A state whose output is over the quota fails its branch (States.DataLimitExceeded, as AWS).
        frame.result = { error: toErrorOutput(new StatesDataLimitExceeded(frame.state)) };
        frame.progress = undefined;
        execution.touch(frame);
        return;
      }
      transition(execution, frame, state, result, outputText);
    }
  } catch (err) {
    if (!(err instanceof Cancelled)) throw err;
  }
}

/**
 * What one state's executor gets. A class rather than an object literal with closures: this is
 * built on every transition, and prototype methods and getters cost no allocation.
 */
class TransitionContext implements StateContext {
  readonly name: string;
  env: StateEnv;

  constructor(
    readonly execution: Execution,
    readonly frame: Frame,
    readonly state: StateDefinition,
    readonly io: StateIO,
    readonly scope: CancelScope,
  ) {
    this.name = frame.state;
    this.env = new LazyEnv(execution, frame);
  }

  runBranch(child: Frame, childScope: CancelScope): Promise<void> {
    return runBranch(this.execution, child, childScope);
  }
}

/** Most states never read the context object: build it on first use. */
class LazyEnv implements StateEnv {
  readonly variables: Readonly<Record<string, Json>>;
  #context: Json | undefined;

  constructor(
    private readonly execution: Execution,
    private readonly frame: Frame,
  ) {
    this.variables = frame.variables;
  }

  get context(): Json {
    this.#context ??= this.execution.context(this.frame);
    return this.#context;
  }

  now(): number {
    return this.execution.deps.clock.now();
  }
}

function hasKeys(record: Record<string, Json>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}

function transition(execution: Execution, frame: Frame, state: StateDefinition, result: StateResult, outputText: string): void {
  const details: Record<string, Json> = { name: frame.state, output: outputText, outputDetails: NOT_TRUNCATED };
  if (hasKeys(result.assign)) {
    const assigned: Record<string, Json> = {};
    for (const key of Object.keys(result.assign)) assigned[key] = JSON.stringify(result.assign[key]);
    details.assignedVariables = assigned;
    details.assignedVariablesDetails = NOT_TRUNCATED;
  }
  execution.emit(frame, STATE_EXITED[state.Type], details);
  Object.assign(frame.variables, result.assign);
  if (result.next === undefined) {
    frame.result = { output: result.output };
  } else {
    frame.state = result.next;
    frame.input = result.output;
  }
  frame.progress = undefined;
  execution.touch(frame);
}

/** An engine-raised error gets AWS's cause prefix naming the state it happened in (once: the result is a plain StatesError). */
function located(err: unknown, frame: Frame): unknown {
  return err instanceof EngineError ? withStateLocation(err, frame.state, frame.enteredEventId ?? 0) : err;
}

/** Runs the state, applying its Retry (with persisted back-off) and then its Catch. */
async function runWithRetry(ctx: StateContext): Promise<StateResult> {
  const { execution, frame, state } = ctx;
  const progress = frame.progress!;
  const executor = EXECUTORS[state.Type];
  for (;;) {
    if (progress.backoffUntil !== undefined) {
      await sleepUntil(execution.deps.clock, progress.backoffUntil, ctx.scope);
      progress.backoffUntil = undefined;
      execution.touch(frame);
      ctx.env = new LazyEnv(execution, frame);
    }
    try {
      return await executor(ctx);
    } catch (thrown) {
      if (thrown instanceof Cancelled) throw thrown;
      const err = located(thrown, frame);
      const error = toErrorOutput(err);
      const name = errorNameOf(error);
      if (isTerminal(name)) throw err;
      const index = findRetrier(state.Retry, name);
      const retrier = state.Retry?.[index];
      const attempts = progress.retryCounts[index] ?? 0;
      if (retrier && attempts < (retrier.MaxAttempts ?? 3)) {
        progress.retryCounts[index] = attempts + 1;
        progress.backoffUntil = execution.now() + retryDelayMs(retrier, attempts, execution.deps.random);
        progress.task = undefined;
        progress.waitUntil = undefined;
        execution.touch(frame);
        continue;
      }
      const catcher = findCatcher(state.Catch, name);
      if (!catcher) throw err;
      const completion = await ctx.io.caught(catcher, frame.input, error, ctx.env);
      return { ...completion, next: catcher.Next };
    }
  }
}
