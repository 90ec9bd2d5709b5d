/**
 * `stock.received` {sku, qty, receivedAt?} (service-standards.md §12 "Stock", "Pre-sale and
 * backorder"): the goods of a SKU arrived.
 * - Every open stock-out of the SKU ends its `stock.restock` wait, which clears the `stockOut` tags
 *   of the orders it listed.
 * - Waiting backorders with the SKU are covered oldest placement first, as many as `qty` covers
 *   (core/lifecycles/ship-wait.ts `allocateStock`); each covered order gets a `stock.allocated`
 *   timeline entry for the SKU, and an order whose every SKU is covered leaves `order.backorder-wait`:
 *   its pack clock starts (seed §2.4.4 l.322 "我们到时给您发货").
 * Safe to repeat: an allocation names the event that made it, so a retry after a crash counts the
 * units it already gave and gives no order a second share.
 */
import type { CaseView } from '../../../core/cases/repository.ts';
import { toInstant } from '../../../core/cases/instant.ts';
import { allocateStock, shipWaitOf, ShipWaitStep, unitsOf, type WaitingBackorder } from '../../../core/lifecycles/ship-wait.ts';
import type { StorefrontEventOf } from '../../../core/storefront/events.ts';
import { readAll } from '../../shared/read-all.ts';
import type { Accepted, EffectDeps } from '../deps.ts';
import { activeStep, completeWaitingStep, STOREFRONT } from '../steps.ts';

/** The timeline kind of a unit allocation; its entry id names the SKU, so an order gets one per SKU. */
export const STOCK_ALLOCATED = 'stock.allocated';

export async function stockReceived(deps: EffectDeps, event: StorefrontEventOf<'stock.received'>): Promise<Accepted> {
  const { sku, qty } = event.data;
  const receivedAt = toInstant(event.data.receivedAt ?? deps.clock.now());
  const cleared = await endStockOuts(deps, sku, qty, receivedAt);
  const released = await releaseBackorders(deps, event.id, sku, qty, receivedAt);
  deps.log.info('stock received', { sku, qty, cleared, released });
  return { caseId: cleared[0] ?? null, detail: { sku, qty, clearedStockOuts: cleared, releasedOrders: released } };
}

/** Completes `stock.restock` of the SKU's open stock-out cases; returns their ids. */
async function endStockOuts(deps: EffectDeps, sku: string, qty: number, receivedAt: string): Promise<string[]> {
  const open = await readAll((page) => deps.repository.listCases({ type: 'stock', status: 'open' }, page));
  const ended: string[] = [];
  for (const stock of open.filter((c) => c.data.sku === sku && c.data.alert === 'out')) {
    const view = await deps.repository.getCase(stock.id);
    if (await completeWaitingStep(deps, view.steps, 'stock.restock', { fields: { receivedAt, qty } })) ended.push(stock.id);
  }
  return ended;
}

/** Allocates the units to waiting backorders, oldest first, and releases those now fully covered; returns the released case ids. */
async function releaseBackorders(deps: EffectDeps, eventId: string, sku: string, qty: number, receivedAt: string): Promise<string[]> {
  const waiting = await readAll((page) => deps.repository.listAwaiting(ShipWaitStep.backorder, page));
  const records = await deps.repository.getCaseRecords([...new Set(waiting.map((s) => s.caseId))]);
  const views = new Map<string, CaseView>();
  const candidates: WaitingBackorder[] = [];
  let left = qty;
  for (const record of records.filter((c) => unitsOf(c.data, sku) > 0)) {
    const view = await deps.repository.getCase(record.id);
    views.set(record.id, view);
    const allocation = view.timeline.find((e) => e.id === allocationId(sku));
    // Units this very event gave before a crash still count against it.
    if (allocation?.detail?.eventId === eventId) left -= Number(allocation.detail.units ?? 0);
    if (allocation) continue;
    candidates.push({ caseId: record.id, placedAt: typeof record.data.placedAt === 'string' ? record.data.placedAt : record.openedAt, units: unitsOf(record.data, sku) });
  }
  const { covered } = allocateStock(candidates, Math.max(0, left));
  const at = toInstant(deps.clock.now());
  for (const order of covered) {
    const entry = { id: allocationId(sku), at, kind: STOCK_ALLOCATED, by: STOREFRONT, detail: { eventId, sku, units: order.units, receivedAt } };
    await deps.repository.appendTimeline(order.caseId, entry);
    views.get(order.caseId)?.timeline.push(entry);
  }
  const released: string[] = [];
  // Oldest first, so the pack steps open in placement order.
  const ordered = [...views.values()].sort((a, b) => (placedAt(a) < placedAt(b) ? -1 : 1));
  for (const view of ordered) {
    const wait = shipWaitOf(view.case.data);
    const skus = wait?.reason === 'backorder' ? wait.skus : [sku];
    if (!skus.every((s) => view.timeline.some((e) => e.id === allocationId(s)))) continue;
    if (!activeStep(view.steps, ShipWaitStep.backorder)) continue;
    if (await completeWaitingStep(deps, view.steps, ShipWaitStep.backorder, { fields: { receivedAt } })) released.push(view.case.id);
  }
  return released;
}

function allocationId(sku: string): string {
  return `${STOCK_ALLOCATED}#${sku}`;
}

function placedAt(view: CaseView): string {
  return typeof view.case.data.placedAt === 'string' ? view.case.data.placedAt : view.case.openedAt;
}
