/**
 * The orders a stock-out is about (service-standards.md §12 "Stock", seed §3.3 l.442: "对于热卖商品
 * 等临时断货要5分钟内通知运营客服,做好客户安抚工作"): every open order case with the SKU among its
 * items, oldest first. The list is stored on the stock case: its `stock.reassure` step shows it and
 * the queue tags these orders `stockOut` until `stock.received` for the SKU.
 */
import { unitsOf } from '../../../core/lifecycles/ship-wait.ts';
import { readAll } from '../../shared/read-all.ts';
import type { EffectDeps } from '../deps.ts';

export interface StockOutOrder {
  caseId: string;
  orderId: string;
  placedAt: string;
  /** Units of the SKU the order holds. */
  units: number;
}

export async function openOrdersOf(deps: Pick<EffectDeps, 'repository'>, sku: string): Promise<StockOutOrder[]> {
  const open = await readAll((page) => deps.repository.listCases({ type: 'order', status: 'open' }, page));
  return open
    .filter((c) => unitsOf(c.data, sku) > 0)
    .map((c) => ({ caseId: c.id, orderId: c.orderId ?? '', placedAt: typeof c.data.placedAt === 'string' ? c.data.placedAt : c.openedAt, units: unitsOf(c.data, sku) }))
    .sort((a, b) => (a.placedAt < b.placedAt ? -1 : a.placedAt > b.placedAt ? 1 : 0));
}
