import type { Json } from '../json.ts';
import type { StateType } from '../asl/types.ts';

/**
 * Pieces of history-event details that are the same for every event: built once rather than per
 * transition. Events are never mutated after they are journaled (GetExecutionHistory copies what it
 * changes), so sharing them is safe; frozen to keep it so.
 */
export const NOT_TRUNCATED: { [key: string]: Json } = Object.freeze({ truncated: false });

const names = (suffix: string): Readonly<Record<StateType, string>> => {
  const types: StateType[] = ['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];
  return Object.freeze(Object.fromEntries(types.map((t) => [t, `${t}${suffix}`])) as Record<StateType, string>);
};

/** `PassStateEntered`, `TaskStateExited`, … by state type. */
export const STATE_ENTERED = names('StateEntered');
export const STATE_EXITED = names('StateExited');
export const STATE_ABORTED = names('StateAborted');

/** Output details as Task/Lambda success and TaskSubmitted events carry them. */
export function outputDetails(value: Json): { output: string; outputDetails: { [key: string]: Json } } {
  return { output: JSON.stringify(value), outputDetails: NOT_TRUNCATED };
}
