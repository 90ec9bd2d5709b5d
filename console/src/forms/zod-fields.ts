/**
 * Reads a step's completion schema (core/lifecycles/steps.ts, the one the API validates with) into
 * form fields, so the console's forms follow the API instead of restating it: text, numbers with
 * their bounds, yes/no, choices, times, lists of text and lists of records.
 */
import type { z } from 'zod';

export type FieldSpec =
  | { name: string; required: boolean; kind: 'text' | 'boolean' | 'datetime' | 'textList' }
  | { name: string; required: boolean; kind: 'number'; min?: number; max?: number; integer: boolean }
  | { name: string; required: boolean; kind: 'choice'; options: string[] }
  | { name: string; required: boolean; kind: 'recordList'; fields: FieldSpec[] }
  /** An object of fields, e.g. a repair referral {centre, note} (core/aftersales/side-flows.ts). */
  | { name: string; required: boolean; kind: 'record'; fields: FieldSpec[] };

/** The zod internals this reads: every zod 4 schema has `def.type`; the rest depends on it. */
interface Introspectable {
  def: { type: string; innerType?: Introspectable; element?: Introspectable };
  shape?: Record<string, Introspectable>;
  format?: string | null;
  options?: readonly string[];
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
}

/** The fields of an object schema in declaration order; an unsupported field type becomes text. */
export function fieldsOf(schema: z.ZodType): FieldSpec[] {
  const shape = (schema as unknown as Introspectable).shape ?? {};
  return Object.entries(shape).map(([name, field]) => fieldOf(name, field));
}

function fieldOf(name: string, schema: Introspectable): FieldSpec {
  const required = schema.def.type !== 'optional';
  const inner = required ? schema : (schema.def.innerType as Introspectable);
  switch (inner.def.type) {
    case 'boolean':
      return { name, required, kind: 'boolean' };
    case 'number':
      return { name, required, kind: 'number', integer: inner.format === 'safeint' || inner.isInt === true, ...(finite(inner.minValue) ? { min: inner.minValue } : {}), ...(finite(inner.maxValue) ? { max: inner.maxValue } : {}) };
    case 'enum':
      return { name, required, kind: 'choice', options: [...(inner.options ?? [])] };
    case 'array': {
      const element = inner.def.element as Introspectable;
      return element.def.type === 'object' ? { name, required, kind: 'recordList', fields: fieldsOf(element as unknown as z.ZodType) } : { name, required, kind: 'textList' };
    }
    case 'string':
      return { name, required, kind: inner.format === 'datetime' ? 'datetime' : 'text' };
    case 'object':
      return { name, required, kind: 'record', fields: fieldsOf(inner as unknown as z.ZodType) };
    default:
      return { name, required, kind: 'text' };
  }
}

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < Number.MAX_SAFE_INTEGER;
}
