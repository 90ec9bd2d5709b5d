import type { Json } from '../json.ts';
import type { StateDefinition } from '../asl/types.ts';
import type { CancelScope } from '../engine/cancellation.ts';
import type { Execution } from '../engine/execution.ts';
import type { Frame } from '../engine/frame.ts';
import type { Completion, StateEnv, StateIO } from '../io/state-io.ts';

/** Everything a state executor needs: the execution, the branch it runs in, and its query language. */
export interface StateContext {
  execution: Execution;
  frame: Frame;
  name: string;
  state: StateDefinition;
  io: StateIO;
  env: StateEnv;
  scope: CancelScope;
  /** Runs a child branch (Parallel branch, Map iteration) to its end. */
  runBranch(frame: Frame, scope: CancelScope): Promise<void>;
}

/** A state ran: its output, its variable assignments, and where to go (`next` undefined: the branch ends). */
export interface StateResult {
  output: Json;
  assign: Record<string, Json>;
  next?: string;
}

/**
 * Runs (or resumes, from `frame.progress`) one state. Failures are thrown as StatesError; the
 * caller applies Retry and Catch.
 */
export type StateExecutor = (ctx: StateContext) => Promise<StateResult>;

/** The state's result once its output is known: on to `Next`, or (undefined) the branch ends. */
export function proceed(completion: Completion, state: StateDefinition): StateResult {
  return { output: completion.output, assign: completion.assign, next: state.Next };
}

export const payload = (value: Json): { [key: string]: Json } => ({ input: JSON.stringify(value), inputDetails: { truncated: false } });
