import type { Json } from '../json.ts';
import type { StateDefinition } from '../asl/types.ts';
import { StatesResultPathMatchFailure, StatesRuntime } from '../errors/states-errors.ts';
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

function select(path: string | null | undefined, value: Json, env: StateEnv, field: string): Json {
  if (path === undefined) return value;
  if (path === null) return {};
  try {
    return readPath(path, scopeOf(value, env));
  } catch (err) {
    if (err instanceof PathNotFound) throw new StatesRuntime(`Invalid path '${path}' : No results for path: ${field}`);
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
    const effective = select(state.InputPath, input, env, 'InputPath');
    return state.Parameters === undefined ? effective : applyPayloadTemplate(state.Parameters, scopeOf(effective, env), 'Parameters');
  },

  async complete(state, input, result, env): Promise<Completion> {
    if (state.Type === 'Pass') {
      const effective = select(state.InputPath, input, env, 'InputPath');
      const value = state.Result !== undefined ? state.Result : state.Parameters !== undefined ? applyPayloadTemplate(state.Parameters, scopeOf(effective, env), 'Parameters') : effective;
      return { output: select(state.OutputPath, resultPath(state.ResultPath, input, value), env, 'OutputPath'), assign: assignments(state.Assign, value, env) };
    }
    if (result === undefined) {
      // Wait, Succeed: no result, the (InputPath-selected) input flows on.
      const effective = select(state.InputPath, input, env, 'InputPath');
      return { output: select(state.OutputPath, effective, env, 'OutputPath'), assign: assignments(state.Assign, effective, env) };
    }
    const selected = state.ResultSelector === undefined ? result : applyPayloadTemplate(state.ResultSelector, scopeOf(result, env), 'ResultSelector');
    return {
      output: select(state.OutputPath, resultPath(state.ResultPath, input, selected), env, 'OutputPath'),
      assign: assignments(state.Assign, selected, env),
    };
  },

  async caught(catcher, input, error, env) {
    const errorJson = { ...error };
    return { output: resultPath(catcher.ResultPath, input, errorJson), assign: assignments(catcher.Assign, errorJson, env) };
  },

  async choose(state, rule, input, env) {
    return choiceRuleMatches(rule, scopeOf(select(state.InputPath, input, env, 'InputPath'), env));
  },

  async chosen(state, rule, input, env) {
    const effective = select(state.InputPath, input, env, 'InputPath');
    const assign = assignments(rule ? (rule.Assign as Json | undefined) : state.Assign, effective, env);
    return { output: select(state.OutputPath, effective, env, 'OutputPath'), assign };
  },

  async dynamic(state, field, input, env) {
    const pathField = `${field}Path` as keyof StateDefinition;
    const path = state[pathField];
    if (typeof path === 'string') return select(path, select(state.InputPath, input, env, 'InputPath'), env, pathField);
    return state[field] as Json | undefined;
  },

  async failure(state, input, env) {
    const read = (path: string | undefined, fallback: string | undefined): string => {
      if (path === undefined) return fallback ?? '';
      const v = isIntrinsicCall(path) ? evaluateIntrinsic(path, scopeOf(input, env)) : select(path, input, env, 'ErrorPath');
      return typeof v === 'string' ? v : JSON.stringify(v);
    };
    return { Error: read(state.ErrorPath, state.Error), Cause: read(state.CausePath, state.Cause) };
  },

  async mapItems(state, input, env) {
    const effective = select(state.InputPath, input, env, 'InputPath');
    return state.ItemsPath === undefined ? effective : select(state.ItemsPath, effective, env, 'ItemsPath');
  },

  async mapItemInput(state, input, item, env) {
    const template = state.ItemSelector ?? state.Parameters;
    if (template === undefined) return item;
    return applyPayloadTemplate(template, scopeOf(select(state.InputPath, input, env, 'InputPath'), env), 'ItemSelector');
  },
};
