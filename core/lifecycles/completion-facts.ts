/**
 * Checks a step completion against what the case already knows (api.md "Step completion fields"):
 * `order.pack` enters one serial number (串号) per unit of a serialized item (a phone, not its case:
 * core/lifecycles/serialized-units.ts), each once; `order.crm-bind` binds
 * plans only to serials that were packed in the case. Pure: the caller passes the case's data and
 * steps, and turns the issues into a 400 naming each field.
 */
import type { StepRecord } from '../cases/step.ts';
import { StepStatus } from '../cases/step.ts';
import { serializedUnits, type SerializedUnit } from './serialized-units.ts';

export interface FieldIssue {
  /** Path of the offending field, e.g. `body.fields.serialNumbers`. */
  field: string;
  message: string;
  /** Stable code for clients to word: `serial_count` (with `expected`: the count), `serial_duplicate`. */
  code?: string;
  expected?: string;
}

export interface CaseFacts {
  /** The case's data (the storefront's order: `items[].qty`). */
  data: Record<string, unknown>;
  steps: readonly StepRecord[];
  /** The policy's `serialNumbers.serializedSkus`: SKU patterns whose units take a serial when the item does not say. */
  serializedSkus: readonly string[];
}

export function completionIssues(step: string, fields: Record<string, unknown>, facts: CaseFacts): FieldIssue[] {
  switch (step) {
    case 'order.pack':
      return packIssues(fields, facts);
    case 'order.crm-bind':
      return bindIssues(fields, facts);
    default:
      return [];
  }
}

function packIssues(fields: Record<string, unknown>, facts: CaseFacts): FieldIssue[] {
  const serials = strings(fields.serialNumbers);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  serials.forEach((serial, i) => {
    if (seen.has(serial)) issues.push({ field: `body.fields.serialNumbers[${i}]`, code: 'serial_duplicate', message: `"${serial}" is listed twice: each unit has its own serial number` });
    seen.add(serial);
  });
  const units = serializedUnits(facts.data, facts.serializedSkus);
  if (units === undefined) {
    // No items to count against: at least one serial, as before items were known.
    if (serials.length === 0) issues.push({ field: 'body.fields.serialNumbers', code: 'serial_count', expected: '1', message: 'must list at least one serial number (串号)' });
  } else if (serials.length !== units.length) {
    issues.push({ field: 'body.fields.serialNumbers', code: 'serial_count', expected: String(units.length), message: `must list ${units.length} serial number(s), one per unit of a serialized item (${unitList(units)}) (got ${serials.length})` });
  }
  return issues;
}

/** `PHONE-1 ×2, PAD-1 ×1`, or `none` when no item is serialized. */
function unitList(units: readonly SerializedUnit[]): string {
  const counts = new Map<string, number>();
  for (const u of units) counts.set(u.sku, (counts.get(u.sku) ?? 0) + 1);
  return counts.size === 0 ? 'none: no item is serialized' : [...counts].map(([sku, n]) => `${sku} ×${n}`).join(', ');
}

function bindIssues(fields: Record<string, unknown>, facts: CaseFacts): FieldIssue[] {
  const packed = packedSerials(facts.steps);
  if (packed === undefined) return [];
  const bindings = Array.isArray(fields.bindings) ? (fields.bindings as { serial?: unknown }[]) : [];
  return bindings.flatMap((b, i) =>
    typeof b.serial === 'string' && !packed.has(b.serial)
      ? [{ field: `body.fields.bindings[${i}].serial`, message: `"${b.serial}" was not packed in this case (packed: ${[...packed].join(', ') || 'none'})` }]
      : [],
  );
}

/** The serials of the case's latest completed `order.pack`; undefined when nothing was packed yet. */
function packedSerials(steps: readonly StepRecord[]): Set<string> | undefined {
  const pack = steps.filter((s) => s.step === 'order.pack' && s.status === StepStatus.completed).sort((a, b) => b.attempt - a.attempt)[0];
  return pack ? new Set(strings(pack.fields?.serialNumbers)) : undefined;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
