import type { Json } from '../json.ts';
import { StatesQueryEvaluationError, StatesRuntime } from '../errors/states-errors.ts';
import { parseTimestamp } from '../asl/timestamp.ts';
import { expressionText, unexpectedResultType } from '../jsonata/evaluate.ts';
import type { DynamicField, DynamicValue } from '../io/state-io.ts';

const text = (v: Json): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** A JSON number or a string of digits (AWS reads `…Path` values as Java longs: `"1"` is 1). */
function asLong(v: Json): number | undefined {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : undefined;
  if (typeof v === 'string' && /^-?\d{1,15}$/.test(v)) return Number(v);
  return undefined;
}

/**
 * An integer field (Wait Seconds, Map MaxConcurrency, Task TimeoutSeconds/HeartbeatSeconds) with
 * AWS's errors: a `…Path` value is States.Runtime naming the path (`The SecondsPath parameter cannot
 * be parsed as a long value: $.s == 1.5`), a JSONata value States.QueryEvaluationError naming the
 * expression. `min` is the least value allowed (0, or 1 for timeouts).
 */
export function integerField(dv: DynamicValue, field: DynamicField, min: number): number {
  if (dv.from === 'jsonata') {
    const v = dv.value;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw unexpectedResultType(dv.expression, field, 'integer', v);
    if (v < min) throw new StatesQueryEvaluationError(`The JSONata expression '${expressionText(dv.expression)}' specified for the field '${field}' returned ${v}, but the field must be at least ${min}.`);
    return v;
  }
  const n = asLong(dv.value);
  if (dv.from === 'literal') {
    // Validated at CreateStateMachine; a literal that slipped through is still refused plainly.
    if (n === undefined || n < min) throw new StatesRuntime(`The field '${field}' must be an integer of at least ${min}, got ${text(dv.value)}`);
    return n;
  }
  const { path, value } = dv;
  if (field === 'MaxConcurrency') {
    if (n === undefined) throw new StatesRuntime(`The MaxConcurrencyPath field refers to value "${text(value)}" which is not a valid integer: ${path}`);
    if (n < min) throw new StatesRuntime(`Expected non-negative integer for MaxConcurrency, got '${n}' instead.`);
    return n;
  }
  if (n === undefined) throw new StatesRuntime(`The ${field}Path parameter cannot be parsed as a long value: ${path} == ${text(value)}`);
  if (n < 0) throw new StatesRuntime(`The ${field}Path parameter references a negative value: ${path} == ${text(value)}`);
  if (n < min) throw new StatesRuntime(`The ${field}Path parameter references a value below ${min}: ${path} == ${text(value)}`);
  return n;
}

/**
 * A Wait `Timestamp`/`TimestampPath` as epoch ms. Only RFC 3339 with an offset (`Z` or `±hh:mm`)
 * is a timestamp; nothing is read in the host's zone. AWS's causes: TimestampPath → States.Runtime
 * "… does not reference a valid ISO-8601 extended offset date-time format string: $.t == <v>";
 * JSONata → States.QueryEvaluationError "The Timestamp field cannot be parsed as …: <v>".
 */
export function timestampField(dv: DynamicValue): number {
  const at = typeof dv.value === 'string' ? parseTimestamp(dv.value) : undefined;
  if (at !== undefined) return at;
  if (dv.from === 'path') {
    throw new StatesRuntime(`The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${dv.path} == ${text(dv.value)}`);
  }
  if (dv.from === 'jsonata') {
    throw new StatesQueryEvaluationError(`The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${text(dv.value)}`);
  }
  throw new StatesRuntime(`The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${text(dv.value)}`);
}
