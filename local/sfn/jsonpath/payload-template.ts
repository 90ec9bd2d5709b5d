import { isJsonObject, type Json, type JsonObject } from '../json.ts';
import { StatesRuntime } from '../errors/states-errors.ts';
import { evaluateIntrinsic } from './intrinsics.ts';
import { isIntrinsicCall } from './intrinsic-parser.ts';
import { PathNotFound, readPath, type PathScope } from './scope.ts';

/**
 * Resolves a JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign):
 * keys ending in `.$` take the value of a path or intrinsic function and lose the suffix.
 */
export function applyPayloadTemplate(template: Json, scope: PathScope, field: string): Json {
  if (Array.isArray(template)) return template.map((item) => applyPayloadTemplate(item, scope, field));
  if (!isJsonObject(template)) return template;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith('.$')) {
      out[key.slice(0, -2)] = resolveDynamic(value, scope, `${field}.${key}`);
    } else {
      out[key] = applyPayloadTemplate(value, scope, field);
    }
  }
  return out;
}

function resolveDynamic(expr: Json, scope: PathScope, field: string): Json {
  if (typeof expr !== 'string') throw new StatesRuntime(`The value of the field '${field}' must be a JSONPath or intrinsic function`);
  if (isIntrinsicCall(expr)) return evaluateIntrinsic(expr, scope);
  try {
    return readPath(expr, scope);
  } catch (err) {
    if (err instanceof PathNotFound) {
      throw new StatesRuntime(`The JSONPath '${expr}' specified for the field '${field}' could not be found in the input '${JSON.stringify(scope.input)}'`);
    }
    throw err;
  }
}
