/**
 * Priority same-day shipping (service-standards.md §12 "Priority", seed §2.4.4 l.306–308: "鉴于您情况
 * 特殊…我已与物流部沟通,我们会在今天为您安排寄出"): a supervisor marks an open order priority; it is
 * planned for the next pickup batch still ahead today, if one is left, else it keeps its plan; its
 * steps sort first in every queue; the picker confirms the same-day pickup with the courier (a
 * checklist point of `order.dispatch`, core/lifecycles/checklists.ts). Pure.
 */
import type { PickupSchedule } from '../calendar/pickup-schedule.ts';

/** The timeline entry kind of marking an order priority. */
export const PRIORITY_MARKED = 'order.priority';

/** The first batch after `at` on `at`'s own Shanghai day, if that day is a pickup day and one is left; epoch ms. */
export function nextBatchToday(schedule: PickupSchedule, at: number): number | undefined {
  const day = schedule.zone.dayOf(at);
  if (!schedule.isPickupDay(day)) return undefined;
  return schedule.batches.map((b) => schedule.zone.instant(day, b.at)).find((batchAt) => batchAt > at);
}

/**
 * The batch a priority order is planned for: the next batch today after it was marked (`markedAt`),
 * when that is sooner than its regular plan from `readyAt`; otherwise the regular plan. Epoch ms.
 */
export function priorityPickupAt(schedule: PickupSchedule, readyAt: number, markedAt: number): number {
  const regular = schedule.plannedFor(readyAt).at;
  const today = nextBatchToday(schedule, Math.max(readyAt, markedAt));
  return today !== undefined && today < regular ? today : regular;
}

/** The instant an order was marked priority, from its case facts (`data.priority`, `data.priorityAt`). */
export function priorityMarkedAt(data: Readonly<Record<string, unknown>>): number | undefined {
  if (data.priority !== true || typeof data.priorityAt !== 'string') return undefined;
  const at = Date.parse(data.priorityAt);
  return Number.isNaN(at) ? undefined : at;
}
