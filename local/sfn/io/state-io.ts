import type { Json } from '../json.ts';
import type { Catcher, ChoiceRule, QueryLanguage, StateDefinition } from '../asl/types.ts';
import type { ErrorOutput } from '../errors/states-errors.ts';
import { jsonPathIO } from './jsonpath-io.ts';
import { jsonataIO } from './jsonata-io.ts';

/** What a state's fields can read besides its input: the context object (`$$`) and the workflow variables. */
export interface StateEnv {
  context: Json;
  variables: Readonly<Record<string, Json>>;
  /** The engine clock's time, which JSONata's `$now()`/`$millis()` read instead of the wall clock. */
  now(): number;
}

export interface Completion {
  output: Json;
  assign: Record<string, Json>;
}

/** Fields whose value may be given statically, by a JSONPath `…Path` field, or by a JSONata expression. */
export type DynamicField = 'TimeoutSeconds' | 'HeartbeatSeconds' | 'Seconds' | 'Timestamp' | 'MaxConcurrency';

/**
 * A dynamic field's value and where it came from, so the state can word a bad value as AWS does:
 * a `…Path` fails with States.Runtime naming the path, a JSONata expression with
 * States.QueryEvaluationError naming the expression.
 */
export type DynamicValue = { value: Json; from: 'literal' } | { value: Json; from: 'path'; path: string } | { value: Json; from: 'jsonata'; expression: string };

/**
 * How a state reads its input and shapes its output, in one query language. Executors call these
 * and never look at InputPath/Parameters/Arguments/Output themselves.
 */
export interface StateIO {
  /** What the state's work takes: JSONPath InputPath then Parameters; JSONata Arguments (default: the input). */
  arguments(state: StateDefinition, input: Json, env: StateEnv): Promise<Json>;
  /** The state's output and variable assignments once its work produced `result` (undefined: the state has none). */
  complete(state: StateDefinition, input: Json, result: Json | undefined, env: StateEnv): Promise<Completion>;
  /** Output and assignments of a Catcher that caught `error`. */
  caught(catcher: Catcher, input: Json, error: ErrorOutput, env: StateEnv): Promise<Completion>;
  /** Whether a Choice rule matches the state's input. */
  choose(state: StateDefinition, rule: ChoiceRule, input: Json, env: StateEnv): Promise<boolean>;
  /** Output of a Choice state once `rule` (or the Default, when undefined) was taken. */
  chosen(state: StateDefinition, rule: ChoiceRule | undefined, input: Json, env: StateEnv): Promise<Completion>;
  dynamic(state: StateDefinition, field: DynamicField, input: Json, env: StateEnv): Promise<DynamicValue | undefined>;
  failure(state: StateDefinition, input: Json, env: StateEnv): Promise<ErrorOutput>;
  /** The items a Map state iterates over; not an array → the error AWS gives for the query language. */
  mapItems(state: StateDefinition, input: Json, env: StateEnv): Promise<Json[]>;
  /** The input of one Map iteration (ItemSelector), `env.context` carrying `Map.Item`. */
  mapItemInput(state: StateDefinition, input: Json, item: Json, env: StateEnv): Promise<Json>;
}

export function stateIO(language: QueryLanguage): StateIO {
  return language === 'JSONata' ? jsonataIO : jsonPathIO;
}
