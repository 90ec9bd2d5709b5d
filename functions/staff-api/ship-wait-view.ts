/**
 * What the queue and the case page say about an order that is not packed yet on purpose
 * (service-standards.md §12): waiting for its pre-sale ship date or for stock, and whether a
 * stock-out of one of its SKUs tagged it. Read from the case store: the open wait step with the
 * order's data, and the open stock-out cases (their listed orders, until `stock.received`).
 */
import { z } from 'zod';
import type { CaseRecord } from '../../core/cases/case.ts';
import type { CaseRepository } from '../../core/cases/repository.ts';
import { isStepActive, type StepRecord } from '../../core/cases/step.ts';
import { isShipWaitStep, shipWaitOf } from '../../core/lifecycles/ship-wait.ts';
import { renderInstant } from '../../core/time/render.ts';
import type { Zone } from '../../core/time/zone.ts';
import { readAll } from '../shared/read-all.ts';

export const shipWaitView = z
  .object({
    reason: z.enum(['presale', 'backorder']).describe('presale: waits for its ship date (预售); backorder: waits for stock.received of its SKUs (缺货)'),
    shipFrom: z.string().nullable().describe('pre-sale: the ship date (ISO-8601 in the policy zone); null for a backorder'),
    skus: z.array(z.string()).describe('backorder: the SKUs it waits for; empty for a pre-sale order'),
  })
  .describe('the order waits before packing and counts toward no deadline meanwhile (service-standards.md §12)');
export type ShipWaitView = z.infer<typeof shipWaitView>;

/** The order's wait, for an active wait step of it (null otherwise). */
export function shipWaitFor(step: Pick<StepRecord, 'step' | 'status'>, order: CaseRecord | undefined, zone: Zone): ShipWaitView | null {
  if (!order || !isShipWaitStep(step.step) || !isStepActive(step.status)) return null;
  const wait = shipWaitOf(order.data);
  if (!wait) return null;
  return wait.reason === 'presale' ? { reason: 'presale', shipFrom: renderInstant(zone, wait.shipFrom), skus: [] } : { reason: 'backorder', shipFrom: null, skus: wait.skus };
}

/** The case's wait now, from its steps (null when it waits for nothing). */
export function caseShipWait(order: CaseRecord, steps: readonly StepRecord[], zone: Zone): ShipWaitView | null {
  for (const step of steps) {
    const wait = shipWaitFor(step, order, zone);
    if (wait) return wait;
  }
  return null;
}

/**
 * Order case ids tagged by a stock-out now, with the SKU that ran out: those listed by an open
 * `stock.out` case whose `stock.restock` has not completed (service-standards.md §12 "Stock").
 */
export async function stockOutTags(repository: Pick<CaseRepository, 'listCases' | 'getCase'>): Promise<Map<string, string>> {
  const open = await readAll((page) => repository.listCases({ type: 'stock', status: 'open' }, page));
  const tags = new Map<string, string>();
  for (const stock of open.filter((c) => c.data.alert === 'out')) {
    const view = await repository.getCase(stock.id);
    if (view.steps.some((s) => s.step === 'stock.restock' && s.status === 'completed')) continue;
    const listed = Array.isArray(stock.data.openOrders) ? (stock.data.openOrders as { caseId?: unknown }[]) : [];
    for (const order of listed) if (typeof order.caseId === 'string') tags.set(order.caseId, String(stock.data.sku));
  }
  return tags;
}
