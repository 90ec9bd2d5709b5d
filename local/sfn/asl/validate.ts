import aslValidator from 'asl-validator';
import jsonata from 'jsonata';
import { isJsonObject, type Json } from '../json.ts';
import { InvalidDefinition } from '../api/errors.ts';
import { parseResource } from '../integrations/resource.ts';
import { expressionText, isJsonataExpression } from '../jsonata/evaluate.ts';
import { parseIntrinsic, isIntrinsicCall } from '../jsonpath/intrinsic-parser.ts';
import { isKnownIntrinsic } from '../jsonpath/intrinsics.ts';
import { parsePath } from '../jsonpath/path.ts';
import { parseTimestamp } from './timestamp.ts';
import { JSONATA_ONLY, JSONPATH_ONLY, STATE_FIELDS } from './fields.ts';
import type { QueryLanguage, StateDefinition, StateMachineDefinition, StateType } from './types.ts';

const invalid = (code: string, message: string): InstanceType<typeof InvalidDefinition> =>
  new InvalidDefinition(`Invalid State Machine Definition: '${code}: ${message}'`);

/**
 * A copy for asl-validator's schema, which refuses what AWS accepts: JSONata `Output` and
 * `Condition` given as any JSON literal (`0`, `true`, `null`, `[]`, `"text"`). Those become an
 * expression in the copy; our own checks have covered them.
 */
function forSchema(definition: StateMachineDefinition): StateMachineDefinition {
  const copy = JSON.parse(JSON.stringify(definition)) as StateMachineDefinition;
  const literal = (v: unknown): boolean => !isJsonataExpression(v);
  const visit = (machine: StateMachineDefinition, inherited: QueryLanguage): void => {
    const language = machine.QueryLanguage ?? inherited;
    for (const state of Object.values(machine.States ?? {})) {
      if (!isJsonObject(state as unknown as Json)) continue;
      const own = state.QueryLanguage ?? language;
      if (own === 'JSONata') {
        if (Object.hasOwn(state, 'Output') && literal(state.Output)) state.Output = '{% $states.input %}';
        for (const rule of state.Choices ?? []) {
          if (Object.hasOwn(rule, 'Condition') && literal(rule.Condition)) rule.Condition = '{% true %}';
          if (Object.hasOwn(rule, 'Output') && literal(rule.Output)) rule.Output = '{% $states.input %}';
        }
        for (const catcher of state.Catch ?? []) if (Object.hasOwn(catcher, 'Output') && literal(catcher.Output)) catcher.Output = '{% $states.input %}';
      }
      state.Branches?.forEach((b) => visit(b, own));
      const processor = state.ItemProcessor ?? state.Iterator;
      if (processor) visit(processor, own);
    }
  };
  visit(copy, copy.QueryLanguage ?? 'JSONPath');
  return copy;
}

/**
 * Parses and checks a definition: our own checks first (they name the state and the field), then
 * asl-validator's schema. Throws InvalidDefinition.
 */
export function validateDefinition(text: string): StateMachineDefinition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw invalid('INVALID_JSON_DESCRIPTION', (err as Error).message);
  }
  if (!isJsonObject(parsed) || typeof parsed.StartAt !== 'string' || !isJsonObject(parsed.States)) {
    throw invalid('SCHEMA_VALIDATION_FAILED', 'The definition must be an object with StartAt and States');
  }
  const definition = parsed as unknown as StateMachineDefinition;
  checkMachine(definition, '', definition.QueryLanguage ?? 'JSONPath');
  const result = aslValidator(forSchema(definition), { checkArn: false });
  if (!result.isValid) {
    const first = result.errors[0];
    throw invalid(first?.['Error code'] ?? 'SCHEMA_VALIDATION_FAILED', first?.Message ?? result.errorsText('; '));
  }
  return definition;
}

function checkMachine(machine: StateMachineDefinition, at: string, inherited: QueryLanguage): void {
  const language = machine.QueryLanguage ?? inherited;
  if (!Object.hasOwn(machine.States, machine.StartAt)) {
    throw invalid('MISSING_TRANSITION_TARGET', `Missing 'Next' target: ${machine.StartAt} at ${at}/StartAt`);
  }
  for (const [name, state] of Object.entries(machine.States)) checkState(name, state, `${at}/States/${name}`, state.QueryLanguage ?? language);
}

function checkState(name: string, state: StateDefinition, at: string, language: QueryLanguage): void {
  const fields = STATE_FIELDS[state.Type as StateType];
  if (!fields) throw invalid('SCHEMA_VALIDATION_FAILED', `The state '${name}' has an unknown Type '${String(state.Type)}' at ${at}`);
  for (const field of Object.keys(state)) {
    if (!fields.has(field)) throw invalid('SCHEMA_VALIDATION_FAILED', `The field "${field}" is not supported by Step Functions at ${at}`);
    if (language === 'JSONata' && JSONPATH_ONLY.has(field)) throw invalid('SCHEMA_VALIDATION_FAILED', `The field "${field}" is not supported for JSONata states at ${at}`);
    if (language === 'JSONPath' && JSONATA_ONLY.has(field)) throw invalid('SCHEMA_VALIDATION_FAILED', `The field "${field}" is only supported for JSONata states at ${at}`);
  }
  if (state.Type === 'Task') {
    const resource = typeof state.Resource === 'string' ? parseResource(state.Resource) : 'the field "Resource" is required';
    if (typeof resource === 'string') throw invalid('SCHEMA_VALIDATION_FAILED', `The state '${name}': ${resource} at ${at}/Resource`);
  }
  if (state.Type === 'Wait' && typeof state.Timestamp === 'string' && !(language === 'JSONata' && isJsonataExpression(state.Timestamp))) {
    if (parseTimestamp(state.Timestamp) === undefined) throw invalid('SCHEMA_VALIDATION_FAILED', `String does not match RFC3339 timestamp at ${at}/Timestamp`);
  }
  if (state.Type === 'Map') {
    const mode = (state.ItemProcessor?.ProcessorConfig as { Mode?: string } | undefined)?.Mode;
    if (mode !== undefined && mode !== 'INLINE') throw invalid('SCHEMA_VALIDATION_FAILED', `Only INLINE Map states are supported (the state '${name}' at ${at}/ItemProcessor/ProcessorConfig/Mode)`);
  }
  for (const [field, value] of Object.entries(state)) {
    if (language === 'JSONata') checkJsonata(value as Json, `${at}/${field}`);
    else checkJsonPath(field, value as Json, `${at}/${field}`);
  }
  state.Branches?.forEach((branch, i) => checkMachine(branch, `${at}/Branches/${i}`, language));
  const processor = state.ItemProcessor ?? state.Iterator;
  if (processor) checkMachine(processor, `${at}/${state.ItemProcessor ? 'ItemProcessor' : 'Iterator'}`, language);
}

function checkJsonata(value: Json, at: string): void {
  if (at.endsWith('/Branches') || at.endsWith('/ItemProcessor') || at.endsWith('/Iterator')) return;
  if (isJsonataExpression(value)) {
    try {
      jsonata(expressionText(value));
    } catch (err) {
      throw invalid('SCHEMA_VALIDATION_FAILED', `The JSONata expression at ${at} is invalid: ${(err as Error).message}`);
    }
  } else if (Array.isArray(value)) value.forEach((v, i) => checkJsonata(v, `${at}/${i}`));
  else if (isJsonObject(value)) for (const [k, v] of Object.entries(value)) checkJsonata(v, `${at}/${k}`);
}

const PATH_FIELDS = new Set(['InputPath', 'OutputPath', 'ResultPath', 'ItemsPath', 'TimeoutSecondsPath', 'HeartbeatSecondsPath', 'SecondsPath', 'TimestampPath', 'ErrorPath', 'CausePath', 'MaxConcurrencyPath', 'Variable']);
const TEMPLATE_FIELDS = new Set(['Parameters', 'ResultSelector', 'ItemSelector', 'Assign']);

function checkJsonPath(field: string, value: Json, at: string): void {
  if (PATH_FIELDS.has(field) && typeof value === 'string') checkPathOrIntrinsic(value, at, field === 'ErrorPath' || field === 'CausePath');
  if (TEMPLATE_FIELDS.has(field)) checkTemplate(value, at);
  if ((field === 'Choices' || field === 'Catch') && Array.isArray(value)) {
    value.forEach((rule, i) => isJsonObject(rule) && Object.entries(rule).forEach(([k, v]) => checkJsonPath(k, v, `${at}/${i}/${k}`)));
  }
  if ((field === 'And' || field === 'Or') && Array.isArray(value)) {
    value.forEach((rule, i) => isJsonObject(rule) && Object.entries(rule).forEach(([k, v]) => checkJsonPath(k, v, `${at}/${i}/${k}`)));
  }
  if (field === 'Not' && isJsonObject(value)) Object.entries(value).forEach(([k, v]) => checkJsonPath(k, v, `${at}/${k}`));
}

function checkTemplate(value: Json, at: string): void {
  if (Array.isArray(value)) value.forEach((v, i) => checkTemplate(v, `${at}/${i}`));
  else if (isJsonObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.endsWith('.$')) {
        // AWS's wording, naming the key and the template that holds it.
        const refused = (): never => {
          throw invalid('SCHEMA_VALIDATION_FAILED', `The value for the field '${k}' must be a valid JSONPath or a valid intrinsic function call at ${at}`);
        };
        if (typeof v !== 'string') return refused();
        try {
          if (isIntrinsicCall(v)) parseIntrinsic(v);
          else parsePath(v);
        } catch {
          refused();
        }
        // Well-formed: an unknown function name still gets its own message.
        checkPathOrIntrinsic(v, `${at}/${k}`, true);
      } else checkTemplate(v, `${at}/${k}`);
    }
  }
}

function checkPathOrIntrinsic(text: string, at: string, intrinsicAllowed: boolean): void {
  try {
    if (intrinsicAllowed && isIntrinsicCall(text)) {
      checkIntrinsicNames(parseIntrinsic(text), at);
    } else parsePath(text);
  } catch (err) {
    if (err instanceof InvalidDefinition) throw err;
    throw invalid('SCHEMA_VALIDATION_FAILED', `${(err as Error).message} at ${at}`);
  }
}

function checkIntrinsicNames(call: ReturnType<typeof parseIntrinsic>, at: string): void {
  if (!isKnownIntrinsic(call.name)) throw invalid('SCHEMA_VALIDATION_FAILED', `The intrinsic function '${call.name}' is not supported at ${at}`);
  for (const arg of call.args) if (arg.kind === 'call') checkIntrinsicNames(arg as ReturnType<typeof parseIntrinsic>, at);
}
