import type { Json } from '../json.ts';
import { StatesQueryEvaluationError, type ErrorOutput } from '../errors/states-errors.ts';
import { evaluateExpression, evaluateTemplate, isJsonataExpression, unexpectedResultType, type StatesBinding } from '../jsonata/evaluate.ts';
import type { Completion, StateEnv, StateIO } from './state-io.ts';

async function assignments(assign: Json | undefined, states: StatesBinding, env: StateEnv): Promise<Record<string, Json>> {
  if (assign === undefined) return {};
  return (await evaluateTemplate(assign, states, env.variables, 'Assign')) as Record<string, Json>;
}

/**
 * JSONata: Arguments → (work) → Output and Assign. Output and Assign both see the variables as they
 * were before the state ran (AWS evaluates them side by side).
 */
export const jsonataIO: StateIO = {
  async arguments(state, input, env) {
    if (state.Arguments === undefined) return input;
    return evaluateTemplate(state.Arguments, { input, context: env.context, now: env.now() }, env.variables, 'Arguments');
  },

  async complete(state, input, result, env): Promise<Completion> {
    const states: StatesBinding = result === undefined ? { input, context: env.context, now: env.now() } : { input, context: env.context, now: env.now(), result };
    const output = state.Output === undefined ? (result ?? input) : await evaluateTemplate(state.Output, states, env.variables, 'Output');
    return { output, assign: await assignments(state.Assign, states, env) };
  },

  async caught(catcher, input, error, env) {
    const states: StatesBinding = { input, context: env.context, now: env.now(), errorOutput: { ...error } };
    const output = catcher.Output === undefined ? { ...error } : await evaluateTemplate(catcher.Output, states, env.variables, 'Output');
    return { output, assign: await assignments(catcher.Assign, states, env) };
  },

  async choose(_state, rule, input, env) {
    const value = typeof rule.Condition === 'boolean' ? rule.Condition : await evaluateTemplate(rule.Condition ?? null, { input, context: env.context, now: env.now() }, env.variables, 'Condition');
    if (typeof value !== 'boolean') {
      if (isJsonataExpression(rule.Condition)) throw unexpectedResultType(rule.Condition, 'Condition', 'boolean', value);
      throw new StatesQueryEvaluationError(`The Condition ${JSON.stringify(rule.Condition ?? null)} is not a boolean`);
    }
    return value;
  },

  async chosen(state, rule, input, env) {
    const states: StatesBinding = { input, context: env.context, now: env.now() };
    // A rule taken brings its own Output/Assign; the state's apply when the Default is taken.
    const outputTemplate = rule ? (rule.Output as Json | undefined) : state.Output;
    const output = outputTemplate === undefined ? input : await evaluateTemplate(outputTemplate, states, env.variables, 'Output');
    const assign = await assignments(rule ? (rule.Assign as Json | undefined) : state.Assign, states, env);
    return { output, assign };
  },

  async dynamic(state, field, input, env) {
    const value = state[field];
    if (value === undefined) return undefined;
    if (!isJsonataExpression(value)) return { value, from: 'literal' };
    return { value: await evaluateExpression(value, { input, context: env.context, now: env.now() }, env.variables, field), from: 'jsonata', expression: value };
  },

  async failure(state, input, env) {
    const text = async (value: string | undefined, field: string): Promise<string | undefined> => {
      if (value === undefined) return undefined;
      const v = await evaluateTemplate(value, { input, context: env.context, now: env.now() }, env.variables, field);
      return typeof v === 'string' ? v : JSON.stringify(v);
    };
    const out: ErrorOutput = {};
    const error = await text(state.Error, 'Error');
    const cause = await text(state.Cause, 'Cause');
    if (error !== undefined) out.Error = error;
    if (cause !== undefined) out.Cause = cause;
    return out;
  },

  async mapItems(state, input, env) {
    if (state.Items === undefined) {
      if (!Array.isArray(input)) throw new StatesQueryEvaluationError(`Map state input must be an array but was: ${JSON.stringify(input)}`);
      return input;
    }
    const items = await evaluateTemplate(state.Items, { input, context: env.context, now: env.now() }, env.variables, 'Items');
    if (!Array.isArray(items)) throw unexpectedResultType(state.Items as string, 'Items', 'array', items);
    return items;
  },

  async mapItemInput(state, input, item, env) {
    if (state.ItemSelector === undefined) return item;
    return evaluateTemplate(state.ItemSelector, { input, context: env.context, now: env.now() }, env.variables, 'ItemSelector');
  },
};
