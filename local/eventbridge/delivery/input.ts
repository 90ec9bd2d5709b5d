import type { JsonObject, JsonValue } from '../pattern/types.ts';
import type { TargetRecord } from '../store/records.ts';
import { readJsonPath } from './json-path.ts';

/** What a rule target receives: the event, `Input` verbatim, the event at `InputPath`, or an `InputTransformer` rendering. */
export function targetInput(target: TargetRecord, event: JsonObject, rule: { name: string; arn: string }): string {
  if (target.Input !== undefined) return target.Input;
  if (target.InputPath !== undefined) return JSON.stringify(readJsonPath(event, target.InputPath) ?? null);
  if (target.InputTransformer) return renderTemplate(target.InputTransformer, event, rule);
  return JSON.stringify(event);
}

/**
 * `InputTemplate` with `<name>` placeholders bound by `InputPathsMap` (and the predefined
 * `aws.events.*` ones). Inside a JSON string a string value goes in unquoted; elsewhere every value
 * goes in as JSON — EventBridge's rule for JSON templates. A missing path renders as null (or
 * nothing inside a string).
 */
export function renderTemplate(transformer: NonNullable<TargetRecord['InputTransformer']>, event: JsonObject, rule: { name: string; arn: string }): string {
  const values = new Map<string, JsonValue | undefined>();
  for (const [name, path] of Object.entries(transformer.InputPathsMap ?? {})) values.set(name, readJsonPath(event, path));
  values.set('aws.events.rule-name', rule.name);
  values.set('aws.events.rule-arn', rule.arn);
  values.set('aws.events.event', event);
  values.set('aws.events.event.json', event);
  values.set('aws.events.event.ingestion-time', typeof event.time === 'string' ? event.time : null);
  const template = transformer.InputTemplate;
  let out = '';
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]!;
    if (ch === '\\' && inString) {
      out += ch + (template[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') inString = !inString;
    if (ch === '<') {
      const end = template.indexOf('>', i);
      const name = end > i ? template.slice(i + 1, end) : '';
      if (name && values.has(name)) {
        out += render(values.get(name), inString);
        i = end;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

function render(value: JsonValue | undefined, inString: boolean): string {
  if (inString) {
    if (value === undefined || value === null) return '';
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return JSON.stringify(text).slice(1, -1);
  }
  return JSON.stringify(value ?? null);
}
