import jsonata from 'jsonata';
import { createHash, randomUUID } from 'node:crypto';
import { isJsonObject, toJson, type Json, type JsonObject } from '../json.ts';
import { StatesQueryEvaluationError } from '../errors/states-errors.ts';

/** What `$states` holds while a JSONata field is evaluated. */
export interface StatesBinding {
  input: Json;
  context: Json;
  /** Epoch ms of the engine clock: `$now()` and `$millis()` read it, so a virtual clock governs them too. */
  now: number;
  result?: Json;
  errorOutput?: Json;
}

const EXPRESSION = /^\s*\{%([\s\S]*)%\}\s*$/;

export function isJsonataExpression(value: unknown): value is string {
  return typeof value === 'string' && EXPRESSION.test(value);
}

const compiled = new Map<string, jsonata.Expression>();

function compile(source: string): jsonata.Expression {
  let expr = compiled.get(source);
  if (!expr) {
    try {
      expr = jsonata(source);
    } catch (err) {
      throw new StatesQueryEvaluationError(`The JSONata expression '${source}' is invalid: ${(err as Error).message}`);
    }
    compiled.set(source, expr);
  }
  return expr;
}

/** Step Functions' extra JSONata functions. */
const AWS_FUNCTIONS = {
  partition: (items: Json[], size: number): Json[] => {
    const out: Json[] = [];
    for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
    return out;
  },
  range: (start: number, end: number, step: number): number[] => {
    const out: number[] = [];
    for (let v = start; step > 0 ? v < end : v > end; v += step) out.push(v);
    return out;
  },
  hash: (data: Json, algorithm: string): string =>
    createHash(algorithm.replace('-', '').toLowerCase()).update(typeof data === 'string' ? data : JSON.stringify(data)).digest('hex'),
  random: (): number => Math.random(),
  uuid: (): string => randomUUID(),
  parse: (text: string): Json => JSON.parse(text) as Json,
};

const fromMillis = jsonata('$fromMillis($ms, $picture, $timezone)');

/** JSONata's clock functions, bound to the engine clock instead of the wall clock. */
function clockFunctions(now: number) {
  return {
    millis: (): number => now,
    now: (picture?: string, timezone?: string): Promise<string> | string =>
      picture === undefined && timezone === undefined ? new Date(now).toISOString() : (fromMillis.evaluate({}, { ms: now, picture, timezone }) as Promise<string>),
  };
}

/** Evaluates one `{% … %}` string. */
export async function evaluateExpression(text: string, states: StatesBinding, variables: Readonly<Record<string, Json>>, field: string): Promise<Json> {
  const source = EXPRESSION.exec(text)![1]!;
  let value: unknown;
  try {
    const { now, ...statesObject } = states;
    value = await compile(source).evaluate(states.input, { ...AWS_FUNCTIONS, ...clockFunctions(now), ...variables, states: statesObject });
  } catch (err) {
    if (err instanceof StatesQueryEvaluationError) throw err;
    throw new StatesQueryEvaluationError(`An error occurred while evaluating the expression '${source}' of the field '${field}': ${(err as Error).message}`);
  }
  if (value === undefined) {
    throw new StatesQueryEvaluationError(`The JSONata expression '${source}' specified for the field '${field}' returned nothing (undefined)`);
  }
  if (typeof value === 'function') throw new StatesQueryEvaluationError(`The field '${field}' evaluated to a function`);
  return toJson(value);
}

/** Evaluates every `{% … %}` string inside a JSON template (Arguments, Output, Assign, …). */
export async function evaluateTemplate(template: Json, states: StatesBinding, variables: Readonly<Record<string, Json>>, field: string): Promise<Json> {
  if (isJsonataExpression(template)) return evaluateExpression(template, states, variables, field);
  if (Array.isArray(template)) {
    const out: Json[] = [];
    for (const item of template) out.push(await evaluateTemplate(item, states, variables, field));
    return out;
  }
  if (isJsonObject(template)) {
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(template)) out[key] = await evaluateTemplate(value, states, variables, `${field}.${key}`);
    return out;
  }
  return template;
}
