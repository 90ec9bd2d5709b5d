import type { Json } from '../../../../local/sfn/index.ts';

/**
 * One row of the conformance table: a state machine, its input, and what AWS shows for it. Every
 * row cites the AWS page whose rule it checks; the exact wording of causes is the one AWS prints in
 * execution histories for that rule.
 */
export interface ExecutionCase {
  name: string;
  /** The AWS documentation page (or ASL spec section) the rule comes from. */
  source: string;
  definition: object;
  input?: Json;
  /** Lambda handlers by function name, for Task states. */
  lambdas?: Record<string, (payload: Json) => Json>;
  /** How long the virtual clock runs before DescribeExecution (ms). */
  advanceMs?: number;
  expect: {
    status: 'SUCCEEDED' | 'FAILED' | 'RUNNING';
    output?: Json;
    /** `null`: DescribeExecution must not have the field at all. */
    error?: string | null;
    cause?: string | null;
  };
}

/** A definition CreateStateMachine must accept, or refuse with InvalidDefinition and this message. */
export interface DefinitionCase {
  name: string;
  source: string;
  definition: object;
  refused?: string;
}

export const SPEC = 'https://states-language.net/spec.html';
export const DOCS = 'https://docs.aws.amazon.com/step-functions/latest/dg';
export const API = 'https://docs.aws.amazon.com/step-functions/latest/apireference';

/** `End: true` for the state types that take it. */
const ended = (state: { Type: string; [field: string]: unknown }): object => (state.Type === 'Fail' || state.Type === 'Succeed' ? state : { ...state, End: true });

/** A one-state JSONata machine around `state` (named `name`). */
export const jsonata = (name: string, state: { Type: string; [field: string]: unknown }): object => ({ QueryLanguage: 'JSONata', StartAt: name, States: { [name]: ended(state) } });

/** A one-state JSONPath machine around `state` (named `name`). */
export const jsonPath = (name: string, state: { Type: string; [field: string]: unknown }): object => ({ StartAt: name, States: { [name]: ended(state) } });

/** An inline Map's processor that passes each item through. */
export const PASS_PROCESSOR = { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Pass', States: { Pass: { Type: 'Pass', End: true } } };

/** AWS's prefix of the cause of an error the engine raised in a state. */
export const at = (state: string, enteredEventId: number, detail: string): string =>
  `An error occurred while executing the state '${state}' (entered at the event id #${enteredEventId}). ${detail}`;
