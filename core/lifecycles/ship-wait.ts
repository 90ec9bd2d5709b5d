/**
 * Orders that wait before packing (service-standards.md §12 "Pre-sale and backorder"): a pre-sale
 * order (预售, seed §2.4.3 l.268–274: "发货会从**月**日后根据下单先后进行发货") waits for its
 * `shipFrom`; a backorder (seed §2.4.4 l.322: "如果亲不急的话可以先下单,我们到时给您发货") waits
 * for `stock.received` of its SKUs, oldest orders first. While waiting an order counts toward no
 * deadline. Pure: callers pass the case data and the stock counts.
 */

/** The automatic steps an order waits in, one per reason. */
export const ShipWaitStep = { presale: 'order.presale-wait', backorder: 'order.backorder-wait' } as const;
export type ShipWaitStep = (typeof ShipWaitStep)[keyof typeof ShipWaitStep];

export const SHIP_WAIT_STEPS: readonly string[] = Object.values(ShipWaitStep);

export function isShipWaitStep(step: string): step is ShipWaitStep {
  return SHIP_WAIT_STEPS.includes(step);
}

/** Why an order is not packed yet: the pre-sale date it ships from, or the SKUs it waits for. */
export type ShipWait = { reason: 'presale'; shipFrom: string } | { reason: 'backorder'; skus: string[] };

interface OrderItem {
  sku: string;
  qty: number;
}

/** The order's items as `{sku, qty}` (anything else in `data.items` ignored). */
export function orderItems(data: Record<string, unknown>): OrderItem[] {
  const items = Array.isArray(data.items) ? (data.items as unknown[]) : [];
  return items.flatMap((i) => {
    const item = i as Record<string, unknown> | null;
    return item && typeof item.sku === 'string' && typeof item.qty === 'number' ? [{ sku: item.sku, qty: item.qty }] : [];
  });
}

/** Units of `sku` the order needs (0 when it has none). */
export function unitsOf(data: Record<string, unknown>, sku: string): number {
  return orderItems(data)
    .filter((i) => i.sku === sku)
    .reduce((sum, i) => sum + i.qty, 0);
}

/** What the order (its `order.placed` data) waits for, if anything. */
export function shipWaitOf(data: Record<string, unknown>): ShipWait | undefined {
  const presale = data.presale as { shipFrom?: unknown } | undefined;
  if (presale && typeof presale.shipFrom === 'string') return { reason: 'presale', shipFrom: presale.shipFrom };
  if (data.backorder === true) return { reason: 'backorder', skus: [...new Set(orderItems(data).map((i) => i.sku))] };
  return undefined;
}

/** A backorder waiting for stock: its case, placement and units still to be covered per SKU. */
export interface WaitingBackorder {
  caseId: string;
  placedAt: string;
  /** Units of the received SKU this order needs. */
  units: number;
}

/**
 * Which waiting backorders `qty` received units cover, oldest placement first (ties by case id),
 * stopping at the first that the rest does not cover: a later, smaller order does not jump the
 * queue ("根据下单先后"). Returns the covered case ids in order and the units left over.
 */
export function allocateStock(waiting: readonly WaitingBackorder[], qty: number): { covered: WaitingBackorder[]; left: number } {
  const ordered = [...waiting].sort((a, b) => (a.placedAt === b.placedAt ? (a.caseId < b.caseId ? -1 : 1) : a.placedAt < b.placedAt ? -1 : 1));
  const covered: WaitingBackorder[] = [];
  let left = qty;
  for (const order of ordered) {
    if (order.units > left) break;
    covered.push(order);
    left -= order.units;
  }
  return { covered, left };
}
