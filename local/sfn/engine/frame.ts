import type { Json } from '../json.ts';
import type { ErrorOutput } from '../errors/states-errors.ts';

/**
 * The persisted position of one branch of an execution: the root, a Parallel branch or a Map
 * iteration. Each checkpoint writes the frames that changed; on restart the engine runs every frame
 * again from its `progress`, so no state that completed is re-run.
 */
export interface Frame {
  id: string;
  /** Where this branch's `StartAt`/`States` live in the definition: [] for the root. */
  machinePath: (string | number)[];
  /** The current state's name and raw input. */
  state: string;
  input: Json;
  /** Variables this branch sees: the outer scopes' (copied on entry) plus its own. */
  variables: Record<string, Json>;
  lastEventId: number;
  enteredAt: number;
  /** The id of the current state's `…StateEntered` event: AWS names it in the causes of engine-raised errors. */
  enteredEventId?: number;
  /** Undefined until the current state is entered. */
  progress?: StateProgress;
  /** Set once the branch ended. */
  result?: { output: Json } | { error: ErrorOutput };
  /** Map iterations: the index, and whether MapIterationStarted was recorded. */
  mapIndex?: number;
  started?: boolean;
}

export interface StateProgress {
  /** Attempts used, per retrier of the state's Retry list. */
  retryCounts: number[];
  /** A retry back-off pending until this instant (epoch ms). */
  backoffUntil?: number;
  /** Wait state: when it ends. */
  waitUntil?: number;
  task?: TaskProgress;
  /** Parallel/Map: the child frames, in branch or item order. */
  childIds?: string[];
  maxConcurrency?: number;
}

export interface TaskProgress {
  arguments: Json;
  token?: string;
  timeoutAt?: number;
  heartbeatSeconds?: number;
  heartbeatAt?: number;
  /** A callback task's invocation returned (TaskSubmitted recorded): don't invoke again on restart. */
  submitted?: boolean;
  /** SendTaskSuccess/SendTaskFailure arrived; persisted before the API answers. */
  callbackOutput?: Json;
  callbackError?: ErrorOutput;
}
