import { isJsonObject, type Json, type JsonObject } from '../json.ts';
import { StatesRuntime } from '../errors/states-errors.ts';
import { evaluateIntrinsic } from './intrinsics.ts';
import { isIntrinsicCall } from './intrinsic-parser.ts';
import { PathNotFound, readPath, type PathScope } from './scope.ts';

/** One key of a template object: copied (recursively resolved) or, for `key.$`, evaluated. */
interface Field {
  /** The key as written (`Payload.$`), for error messages. */
  key: string;
  /** The key in the result (`Payload`). */
  name: string;
  dynamic: boolean;
  value: Json;
}

/**
 * Templates are parts of a definition, which never changes: which keys are dynamic is worked out
 * once per template object instead of on every state run.
 */
const compiled = new WeakMap<JsonObject, Field[]>();

function fieldsOf(template: JsonObject): Field[] {
  let fields = compiled.get(template);
  if (!fields) {
    fields = Object.entries(template).map(([key, value]) => (key.endsWith('.$') ? { key, name: key.slice(0, -2), dynamic: true, value } : { key, name: key, dynamic: false, value }));
    compiled.set(template, fields);
  }
  return fields;
}

/**
 * Resolves a JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign):
 * keys ending in `.$` take the value of a path or intrinsic function and lose the suffix.
 * Static parts are copied, so nothing downstream holds the definition's own objects.
 */
export function applyPayloadTemplate(template: Json, scope: PathScope, field: string): Json {
  if (Array.isArray(template)) return template.map((item) => applyPayloadTemplate(item, scope, field));
  if (!isJsonObject(template)) return template;
  const out: JsonObject = {};
  for (const f of fieldsOf(template)) {
    out[f.name] = f.dynamic ? resolveDynamic(f.value, scope, field, f.key) : applyPayloadTemplate(f.value, scope, field);
  }
  return out;
}

function resolveDynamic(expr: Json, scope: PathScope, parent: string, key: string): Json {
  if (typeof expr !== 'string') throw new StatesRuntime(`The value of the field '${key}' must be a JSONPath or intrinsic function`);
  if (isIntrinsicCall(expr)) return evaluateIntrinsic(expr, scope);
  try {
    return readPath(expr, scope);
  } catch (err) {
    if (err instanceof PathNotFound) {
      throw new StatesRuntime(`The JSONPath '${expr}' specified for the field '${key}' could not be found in the input '${JSON.stringify(scope.input)}'`);
    }
    throw err;
  }
}
