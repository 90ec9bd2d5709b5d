import type { Json } from '../json.ts';
import type { StateDefinition } from '../asl/types.ts';
import { StatesResultPathMatchFailure, StatesRuntime, type ErrorOutput } from '../errors/states-errors.ts';
import { applyPayloadTemplate } from '../jsonpath/payload-template.ts';
import { evaluateIntrinsic } from '../jsonpath/intrinsics.ts';
import { isIntrinsicCall } from '../jsonpath/intrinsic-parser.ts';
import { choiceRuleMatches } from '../jsonpath/choice-rules.ts';
import { parsePath, setAtPath } from '../jsonpath/path.ts';
import { PathNotFound, readPath, type PathScope } from '../jsonpath/scope.ts';
import type { Completion, StateEnv, StateIO } from './state-io.ts';

/** Read through: building the context object is skipped unless a path starts with $$. A class: one is built per field evaluated. */
class EnvScope implements PathScope {
  readonly variables: Readonly<Record<string, Json>>;

  constructor(
    readonly input: Json,
    private readonly env: StateEnv,
  ) {
    this.variables = env.variables;
  }

  get context(): Json {
    return this.env.context;
  }
}

const scopeOf = (input: Json, env: StateEnv): PathScope => new EnvScope(input, env);

/** InputPath, OutputPath, ItemsPath, …Path: a path that finds nothing is AWS's "Invalid path '<path>' : No results for path: $['x']". */
function select(path: string | null | undefined, value: Json, env: StateEnv): Json {
  if (path === undefined) return value;
  if (path === null) return {};
  try {
    return readPath(path, scopeOf(value, env));
  } catch (err) {
    if (err instanceof PathNotFound) throw new StatesRuntime(`Invalid path '${path}' : ${err.detail}`);
    throw err;
  }
}

/** ErrorPath, CausePath: a path that finds nothing is worded as for a `.$` field. */
function readField(path: string, value: Json, env: StateEnv, field: string): Json {
  try {
    return readPath(path, scopeOf(value, env));
  } catch (err) {
    if (err instanceof PathNotFound) throw new StatesRuntime(`The JSONPath '${path}' specified for the field '${field}' could not be found in the input '${JSON.stringify(value)}'`);
    throw err;
  }
}

function resultPath(path: string | null | undefined, input: Json, result: Json): Json {
  if (path === undefined) return result;
  if (path === null) return input;
  try {
    return setAtPath(input, parsePath(path), result);
  } catch (err) {
    throw new StatesResultPathMatchFailure(`Unable to apply ResultPath '${path}' to the input '${JSON.stringify(input)}': ${(err as Error).message}`);
  }
}

/** Shared by every state without Assign; nothing writes to a result's assignments. */
const NO_ASSIGNMENTS: Record<string, Json> = Object.freeze({});

function assignments(assign: Json | undefined, value: Json, env: StateEnv): Record<string, Json> {
  if (assign === undefined) return NO_ASSIGNMENTS;
  return applyPayloadTemplate(assign, scopeOf(value, env), 'Assign') as Record<string, Json>;
}

/** JSONPath: InputPath → Parameters → (work) → ResultSelector → ResultPath → OutputPath. */
export const jsonPathIO: StateIO = {
  async arguments(state, input, env) {
    const effective = select(state.InputPath, input, env);
    return state.Parameters === undefined ? effective : applyPayloadTemplate(state.Parameters, scopeOf(effective, env), 'Parameters');
  },

  async complete(state, input, result, env): Promise<Completion> {
    if (state.Type === 'Pass') {
      const effective = select(state.InputPath, input, env);
      const value = state.Result !== undefined ? state.Result : state.Parameters !== undefined ? applyPayloadTemplate(state.Parameters, scopeOf(effective, env), 'Parameters') : effective;
      return { output: select(state.OutputPath, resultPath(state.ResultPath, input, value), env), assign: assignments(state.Assign, value, env) };
    }
    if (result === undefined) {
      // Wait, Succeed: no result, the (InputPath-selected) input flows on.
      const effective = select(state.InputPath, input, env);
      return { output: select(state.OutputPath, effective, env), assign: assignments(state.Assign, effective, env) };
    }
    const selected = state.ResultSelector === undefined ? result : applyPayloadTemplate(state.ResultSelector, scopeOf(result, env), 'ResultSelector');
    return {
      output: select(state.OutputPath, resultPath(state.ResultPath, input, selected), env),
      assign: assignments(state.Assign, selected, env),
    };
  },

  async caught(catcher, input, error, env) {
    const errorJson = { ...error };
    return { output: resultPath(catcher.ResultPath, input, errorJson), assign: assignments(catcher.Assign, errorJson, env) };
  },

  async choose(state, rule, input, env) {
    return choiceRuleMatches(rule, scopeOf(select(state.InputPath, input, env), env));
  },

  async chosen(state, rule, input, env) {
    const effective = select(state.InputPath, input, env);
    const assign = assignments(rule ? (rule.Assign as Json | undefined) : state.Assign, effective, env);
    return { output: select(state.OutputPath, effective, env), assign };
  },

  async dynamic(state, field, input, env) {
    const path = state[`${field}Path` as keyof StateDefinition];
    if (typeof path !== 'string') return state[field] === undefined ? undefined : { value: state[field] as Json, from: 'literal' };
    const effective = select(state.InputPath, input, env);
    try {
      return { value: readPath(path, scopeOf(effective, env)), from: 'path', path };
    } catch (err) {
      if (!(err instanceof PathNotFound)) throw err;
      if (field === 'Seconds') throw new StatesRuntime(`The SecondsPath parameter does not reference an input value: ${path}`);
      throw new StatesRuntime(`Invalid path '${path}' : ${err.detail}`);
    }
  },

  async failure(state, input, env) {
    const read = (path: string | undefined, fallback: string | undefined, field: string): string | undefined => {
      if (path === undefined) return fallback;
      const v = isIntrinsicCall(path) ? evaluateIntrinsic(path, scopeOf(input, env)) : readField(path, input, env, field);
      return typeof v === 'string' ? v : JSON.stringify(v);
    };
    const out: ErrorOutput = {};
    const error = read(state.ErrorPath, state.Error, 'ErrorPath');
    const cause = read(state.CausePath, state.Cause, 'CausePath');
    if (error !== undefined) out.Error = error;
    if (cause !== undefined) out.Cause = cause;
    return out;
  },

  async mapItems(state, input, env) {
    const effective = select(state.InputPath, input, env);
    const items = state.ItemsPath === undefined ? effective : select(state.ItemsPath, effective, env);
    if (!Array.isArray(items)) throw new StatesRuntime(`Map state input must be an array but was: ${JSON.stringify(items)}`);
    return items;
  },

  async mapItemInput(state, input, item, env) {
    const template = state.ItemSelector ?? state.Parameters;
    if (template === undefined) return item;
    return applyPayloadTemplate(template, scopeOf(select(state.InputPath, input, env), env), 'ItemSelector');
  },
};
