import type { Json } from '../json.ts';
import type { StateDefinition } from '../asl/types.ts';
import { isTerminal, toErrorOutput } from '../errors/states-errors.ts';
import { stateIO, type StateEnv } from '../io/state-io.ts';
import { EXECUTORS } from '../states/executors.ts';
import type { StateContext, StateResult } from '../states/types.ts';
import { Cancelled, type CancelScope } from './cancellation.ts';
import type { Execution } from './execution.ts';
import type { Frame } from './frame.ts';
import { findCatcher, findRetrier, retryDelayMs } from './retry.ts';
import { sleepUntil } from './sleep.ts';

const data = (key: 'input' | 'output', value: Json): { [key: string]: Json } => ({ [key]: JSON.stringify(value), [`${key}Details`]: { truncated: false } });

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
        execution.emit(frame, `${state.Type}StateEntered`, { name: frame.state, ...data('input', frame.input) });
      }
      const ctx: StateContext = {
        execution,
        frame,
        name: frame.state,
        state,
        io: stateIO(execution.languageOf(frame, state)),
        env: lazyEnv(execution, frame),
        scope,
        runBranch: (child, childScope) => runBranch(execution, child, childScope),
      };
      let result: StateResult;
      try {
        result = await runWithRetry(ctx);
      } catch (err) {
        if (err instanceof Cancelled) throw err;
        frame.result = { error: toErrorOutput(err) };
        frame.progress = undefined;
        execution.touch(frame);
        return;
      }
      scope.throwIfCancelled();
      transition(execution, frame, state, result);
    }
  } catch (err) {
    if (!(err instanceof Cancelled)) throw err;
  }
}

/** Most states never read the context object: build it on first use. */
function lazyEnv(execution: Execution, frame: Frame): StateEnv {
  let context: Json | undefined;
  return {
    get context() {
      context ??= execution.context(frame);
      return context;
    },
    variables: frame.variables,
  };
}

function transition(execution: Execution, frame: Frame, state: StateDefinition, result: StateResult): void {
  const assigned = Object.keys(result.assign).length > 0;
  execution.emit(frame, `${state.Type}StateExited`, {
    name: frame.state,
    ...data('output', result.output),
    ...(assigned
      ? { assignedVariables: Object.fromEntries(Object.entries(result.assign).map(([k, v]) => [k, JSON.stringify(v)])), assignedVariablesDetails: { truncated: false } }
      : {}),
  });
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
      ctx.env = lazyEnv(execution, frame);
    }
    try {
      return await executor(ctx);
    } catch (err) {
      if (err instanceof Cancelled) throw err;
      const error = toErrorOutput(err);
      if (isTerminal(error.Error)) throw err;
      const index = findRetrier(state.Retry, error.Error);
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
      const catcher = findCatcher(state.Catch, error.Error);
      if (!catcher) throw err;
      const caught = await ctx.io.caught(catcher, frame.input, error, ctx.env);
      return { ...caught, next: catcher.Next };
    }
  }
}
