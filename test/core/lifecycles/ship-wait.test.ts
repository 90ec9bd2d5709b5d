import { describe, expect, it } from 'vitest';
import { allocateStock, shipWaitOf, unitsOf } from '../../../core/lifecycles/ship-wait.ts';

// service-standards.md §12 "Pre-sale and backorder": seed §2.4.3 l.270 "发货会从**月**日后根据下单先后进行发货";
// seed §2.4.4 l.322 "如果亲不急的话可以先下单,我们到时给您发货" — oldest orders first, as many as the stock covers.
const order = (caseId: string, placedAt: string, units: number) => ({ caseId, placedAt, units });

describe('allocateStock: received units go to the oldest waiting backorders first', () => {
  it('covers the oldest orders as far as the units go and says how many are left', () => {
    const waiting = [order('c', '2026-11-30T03:00:00.000Z', 1), order('a', '2026-11-30T01:00:00.000Z', 2), order('b', '2026-11-30T02:00:00.000Z', 1)];
    expect(allocateStock(waiting, 3)).toEqual({ covered: [waiting[1], waiting[2]], left: 0 });
  });

  it('stops at the first order the rest does not cover: a later, smaller order does not jump the queue', () => {
    const waiting = [order('a', '2026-11-30T01:00:00.000Z', 1), order('b', '2026-11-30T02:00:00.000Z', 2), order('c', '2026-11-30T03:00:00.000Z', 1)];
    expect(allocateStock(waiting, 2)).toEqual({ covered: [waiting[0]], left: 1 });
  });

  it('breaks a tie of placement by case id, so two deliveries agree on the order', () => {
    const waiting = [order('b', '2026-11-30T01:00:00.000Z', 1), order('a', '2026-11-30T01:00:00.000Z', 1)];
    expect(allocateStock(waiting, 1).covered.map((o) => o.caseId)).toEqual(['a']);
  });

  it('covers nothing with no units', () => {
    expect(allocateStock([order('a', '2026-11-30T01:00:00.000Z', 1)], 0)).toEqual({ covered: [], left: 0 });
  });
});

describe('shipWaitOf: what an order waits for before packing', () => {
  const items = [
    { sku: 'A', name: 'a', qty: 1, price: 1 },
    { sku: 'B', name: 'b', qty: 2, price: 1 },
    { sku: 'A', name: 'a again', qty: 1, price: 1 },
  ];

  it('is the ship date of a pre-sale order', () => {
    expect(shipWaitOf({ items, presale: { shipFrom: '2026-12-04T09:00:00+08:00' } })).toEqual({ reason: 'presale', shipFrom: '2026-12-04T09:00:00+08:00' });
  });

  it('is each SKU of a backorder, once', () => {
    expect(shipWaitOf({ items, backorder: true })).toEqual({ reason: 'backorder', skus: ['A', 'B'] });
  });

  it('is nothing for an ordinary order', () => {
    expect(shipWaitOf({ items, backorder: false })).toBeUndefined();
  });

  it('counts the units of a SKU over every line of it', () => {
    expect([unitsOf({ items }, 'A'), unitsOf({ items }, 'B'), unitsOf({ items }, 'C')]).toEqual([2, 2, 0]);
  });
});
