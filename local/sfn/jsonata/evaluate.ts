import jsonata from 'jsonata';
import { isJsonObject, type Json, type JsonObject } from '../json.ts';
import { StatesQueryEvaluationError } from '../errors/states-errors.ts';
import { AWS_FUNCTIONS } from './aws-functions.ts';

/** What `$states` holds while a JSONata field is evaluated. */
export interface StatesBinding {
  input: Json;
  context: Json;
  /** Epoch ms of the engine clock: `$now()` and `$millis()` read it, so a virtual clock governs them too. */
  now: number;
  result?: Json;
  errorOutput?: Json;
}

/**
 * A JSONata expression is a string that is exactly `{% … %}`: with anything (even a space) around
 * the delimiters it is a plain string, as AWS reads it
 * (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html).
 */
const EXPRESSION = /^\{%([\s\S]*)%\}$/;

export function isJsonataExpression(value: unknown): value is string {
  return typeof value === 'string' && EXPRESSION.test(value);
}

/** The expression inside `{% … %}` as AWS quotes it in causes: trimmed, otherwise exactly as written. */
export function expressionText(text: string): string {
  return EXPRESSION.exec(text)![1]!.trim();
}

const compiled = new Map<string, jsonata.Expression>();

function compile(source: string, field: string): jsonata.Expression {
  let expr = compiled.get(source);
  if (!expr) {
    try {
      expr = jsonata(source);
    } catch (err) {
      throw new StatesQueryEvaluationError(`The JSONata expression '${source}' specified for the field '${field}' threw an error during evaluation. ${describe(err)}`);
    }
    compiled.set(source, expr);
  }
  return expr;
}

/** JSONata errors as AWS quotes them: `T1006: Attempted to invoke a non-function`. */
function describe(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return e.code ? `${e.code}: ${e.message ?? ''}` : String(e.message ?? err);
}

const fromMillis = jsonata('$fromMillis($ms, $picture, $timezone)');

/** JSONata's clock functions, bound to the engine clock instead of the wall clock. */
function clockFunctions(now: number) {
  return {
    millis: (): number => now,
    now: (picture?: string, timezone?: string): Promise<string> | string =>
      picture === undefined && timezone === undefined ? new Date(now).toISOString() : (fromMillis.evaluate({}, { ms: now, picture, timezone }) as Promise<string>),
  };
}

/** A JSONata function value (lambda or built-in) — something JSON cannot carry. */
function isFunctionValue(value: unknown): boolean {
  return typeof value === 'function' || (typeof value === 'object' && value !== null && ('_jsonata_lambda' in value || '_jsonata_function' in value));
}

/**
 * Copies a JSONata result into plain JSON. A function anywhere in it is AWS's "unsupported result
 * type" (never a JavaScript serialisation error); `undefined` inside objects is dropped, as JSON does.
 */
function toJsonResult(value: unknown, unsupported: () => never): Json {
  if (isFunctionValue(value)) unsupported();
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map((v) => toJsonResult(v, unsupported));
  if (typeof value === 'object' && value !== null) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJsonResult(v, unsupported);
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) unsupported();
  return value as Json;
}

/**
 * Evaluates one `{% … %}` string for the field at `field` (a path written with `/`, as AWS writes
 * it: `Output/result`). Throws States.QueryEvaluationError with AWS's causes (returned nothing,
 * threw an error during evaluation, unsupported result type).
 */
export async function evaluateExpression(text: string, states: StatesBinding, variables: Readonly<Record<string, Json>>, field: string): Promise<Json> {
  const source = expressionText(text);
  let value: unknown;
  try {
    const { now, ...statesObject } = states;
    value = await compile(source, field).evaluate(states.input, { ...AWS_FUNCTIONS, ...clockFunctions(now), ...variables, states: statesObject });
  } catch (err) {
    if (err instanceof StatesQueryEvaluationError) throw err;
    throw new StatesQueryEvaluationError(`The JSONata expression '${source}' specified for the field '${field}' threw an error during evaluation. ${describe(err)}`);
  }
  if (value === undefined) {
    throw new StatesQueryEvaluationError(`The JSONata expression '${source}' specified for the field '${field}' returned nothing (undefined).`);
  }
  return toJsonResult(value, () => {
    throw new StatesQueryEvaluationError(`The JSONata expression '${source}' specified for the field '${field}' returned an unsupported result type.`);
  });
}

/** Evaluates every `{% … %}` string inside a JSON template (Arguments, Output, Assign, …); nested fields are named `Output/key/0`. */
export async function evaluateTemplate(template: Json, states: StatesBinding, variables: Readonly<Record<string, Json>>, field: string): Promise<Json> {
  if (isJsonataExpression(template)) return evaluateExpression(template, states, variables, field);
  if (Array.isArray(template)) {
    const out: Json[] = [];
    for (const [i, item] of template.entries()) out.push(await evaluateTemplate(item, states, variables, `${field}/${i}`));
    return out;
  }
  if (isJsonObject(template)) {
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(template)) out[key] = await evaluateTemplate(value, states, variables, `${field}/${key}`);
    return out;
  }
  return template;
}

/** JSONata's name for a value's type, as AWS's causes use it. */
export function jsonTypeName(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * AWS's cause for an expression whose value has the wrong type for its field, e.g. Map `Items`:
 * "The JSONata expression '1' specified for the field 'Items' returned an unexpected result type.
 * Expected 'array', but was 'number' for value: 1".
 */
export function unexpectedResultType(text: string, field: string, expected: string, value: Json): StatesQueryEvaluationError {
  return new StatesQueryEvaluationError(
    `The JSONata expression '${expressionText(text)}' specified for the field '${field}' returned an unexpected result type. Expected '${expected}', but was '${jsonTypeName(value)}' for value: ${JSON.stringify(value)}`,
  );
}
