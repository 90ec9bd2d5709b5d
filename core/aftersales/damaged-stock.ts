/**
 * Damaged stock (报损库) waiting for its supplier (service-standards.md §12 "Side flows", seed §4.1
 * l.508–510 "并入报损库。联系供应商分批取货"): the goods inspections put there, listed per supplier
 * for the weekly collection (`stock.supplier-collect`, every Monday 10:00, derived). Pure: the
 * caller reads the closed steps.
 *
 * A collection lists the goods inspected into damaged stock in the week before its run: from the
 * previous Monday 10:00 (inclusive) to this one (exclusive), so consecutive runs neither miss nor
 * repeat an item.
 */
import type { StepRecord } from '../cases/step.ts';
import { StepStatus } from '../cases/step.ts';
import { weekdayOf } from '../time/civil.ts';
import type { Zone } from '../time/zone.ts';
import { INSPECT_STEPS } from './side-flows.ts';

/** One returned or exchanged item waiting in damaged stock. */
export interface DamagedItem {
  caseId: string;
  caseType: string;
  /** The inspection that put it there. */
  step: string;
  supplier: string;
  /** When it was inspected into damaged stock (ISO-8601 UTC). */
  inspectedAt: string;
  note?: string;
}

/** The collection runs on Mondays (`weekdayOf`: 0 Sunday … 6 Saturday) at 10:00. */
export const COLLECT_WEEKDAY = 1;
export const COLLECT_MINUTE = 10 * 60;

/** The run this instant belongs to: the latest Monday 10:00 at or before `now`, and its week before. */
export function collectionWindow(zone: Zone, now: number): { runAt: number; from: number; runDay: number } {
  let day = zone.dayOf(now);
  while (weekdayOf(day) !== COLLECT_WEEKDAY || zone.instant(day, COLLECT_MINUTE) > now) day--;
  const runAt = zone.instant(day, COLLECT_MINUTE);
  return { runAt, from: zone.instant(day - 7, COLLECT_MINUTE), runDay: day };
}

type Inspected = Pick<StepRecord, 'caseId' | 'caseType' | 'step' | 'status' | 'completedAt' | 'fields'>;

/** The items the completed inspections among `steps` put into damaged stock in [from, to). */
export function damagedItems(steps: readonly Inspected[], from: number, to: number): DamagedItem[] {
  const items: DamagedItem[] = [];
  for (const s of steps) {
    if (!(INSPECT_STEPS as readonly string[]).includes(s.step) || s.status !== StepStatus.completed || s.completedAt === undefined) continue;
    const at = Date.parse(s.completedAt);
    const stock = s.fields?.damagedStock as { supplier?: unknown; note?: unknown } | undefined;
    if (at < from || at >= to || typeof stock?.supplier !== 'string') continue;
    items.push({ caseId: s.caseId, caseType: s.caseType, step: s.step, supplier: stock.supplier, inspectedAt: s.completedAt, ...(typeof stock.note === 'string' ? { note: stock.note } : {}) });
  }
  return items.sort((a, b) => (a.inspectedAt < b.inspectedAt ? -1 : a.inspectedAt > b.inspectedAt ? 1 : 0));
}

/** Items per supplier, suppliers in name order. */
export function bySupplier(items: readonly DamagedItem[]): Map<string, DamagedItem[]> {
  const groups = new Map<string, DamagedItem[]>();
  for (const item of [...items].sort((a, b) => a.supplier.localeCompare(b.supplier, 'zh-CN'))) groups.set(item.supplier, [...(groups.get(item.supplier) ?? []), item]);
  return groups;
}
