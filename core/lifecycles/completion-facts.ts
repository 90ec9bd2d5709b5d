/**
 * Checks a step completion against what the case already knows (api.md "Step completion fields"):
 * `order.pack` enters one serial number (串号) per unit ordered, each once; `order.crm-bind` binds
 * plans only to serials that were packed in the case. Pure: the caller passes the case's data and
 * steps, and turns the issues into a 400 naming each field.
 */
import type { StepRecord } from '../cases/step.ts';
import { StepStatus } from '../cases/step.ts';

export interface FieldIssue {
  /** Path of the offending field, e.g. `body.fields.serialNumbers`. */
  field: string;
  message: string;
}

export interface CaseFacts {
  /** The case's data (the storefront's order: `items[].qty`). */
  data: Record<string, unknown>;
  steps: readonly StepRecord[];
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
    if (seen.has(serial)) issues.push({ field: `body.fields.serialNumbers[${i}]`, message: `"${serial}" is listed twice: each unit has its own serial number` });
    seen.add(serial);
  });
  const units = orderedUnits(facts.data);
  if (units !== undefined && serials.length !== units) {
    issues.push({ field: 'body.fields.serialNumbers', message: `must list ${units} serial number(s), one per unit ordered (got ${serials.length})` });
  }
  return issues;
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

/** The total quantity of the case's items; undefined when the case lists none (nothing to check against). */
export function orderedUnits(data: Record<string, unknown>): number | undefined {
  if (!Array.isArray(data.items) || data.items.length === 0) return undefined;
  let total = 0;
  for (const item of data.items as { qty?: unknown }[]) {
    if (typeof item.qty !== 'number' || !Number.isInteger(item.qty) || item.qty < 1) return undefined;
    total += item.qty;
  }
  return total;
}

/** The serials of the case's latest completed `order.pack`; undefined when nothing was packed yet. */
function packedSerials(steps: readonly StepRecord[]): Set<string> | undefined {
  const pack = steps.filter((s) => s.step === 'order.pack' && s.status === StepStatus.completed).sort((a, b) => b.attempt - a.attempt)[0];
  return pack ? new Set(strings(pack.fields?.serialNumbers)) : undefined;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
