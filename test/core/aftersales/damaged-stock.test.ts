/**
 * Damaged stock (报损库) per supplier (service-standards.md §12 "Side flows"; seed §4.1 l.508–510
 * "并入报损库。联系供应商分批取货"): each Monday 10:00 collection lists the goods inspected into
 * damaged stock in the week before it, so consecutive runs neither miss nor repeat an item.
 */
import { describe, expect, it } from 'vitest';
import { bySupplier, collectionWindow, damagedItems } from '../../../core/aftersales/damaged-stock.ts';
import { Zone } from '../../../core/time/zone.ts';
import { due } from '../../../core/deadline/due.ts';
import { getDefaultPolicy } from '../../../policy/load.ts';

const zone = new Zone('Asia/Shanghai');
const at = (iso: string): number => Date.parse(iso);
const inspected = (caseId: string, completedAt: string, supplier?: string, step = 'return.inspect') => ({
  caseId,
  caseType: 'return' as const,
  step,
  status: 'completed' as const,
  completedAt: new Date(at(completedAt)).toISOString(),
  fields: supplier === undefined ? {} : { damagedStock: { supplier } },
});

describe('the collection window', () => {
  it('is the week before the latest Monday 10:00 at or before now', () => {
    const monday = collectionWindow(zone, at('2026-12-07T10:00:00+08:00'));
    expect(new Date(monday.runAt).toISOString()).toBe('2026-12-07T02:00:00.000Z');
    expect(new Date(monday.from).toISOString()).toBe('2026-11-30T02:00:00.000Z');
    // Monday 09:59 still belongs to the previous run; Sunday night too.
    expect(collectionWindow(zone, at('2026-12-07T09:59:00+08:00')).runAt).toBe(at('2026-11-30T10:00:00+08:00'));
    expect(collectionWindow(zone, at('2026-12-13T23:00:00+08:00')).runAt).toBe(at('2026-12-07T10:00:00+08:00'));
  });
});

describe('the goods waiting per supplier', () => {
  const steps = [
    inspected('r-1', '2026-11-30T09:59:00+08:00', '华为'), // before the window: last Monday's run listed it
    inspected('r-2', '2026-11-30T10:00:00+08:00', '华为'),
    inspected('r-3', '2026-12-04T15:00:00+08:00', '小米'),
    inspected('e-1', '2026-12-05T11:00:00+08:00', '华为', 'exchange.inspect'),
    inspected('r-4', '2026-12-05T12:00:00+08:00'), // passed, not into damaged stock
    inspected('r-5', '2026-12-07T10:00:00+08:00', '小米'), // next run's
    { ...inspected('v-1', '2026-12-02T10:00:00+08:00', '华为', 'return.verify') },
  ];

  it('lists the inspections with a supplier in [previous Monday 10:00, this Monday 10:00), grouped by supplier', () => {
    const { from, runAt } = collectionWindow(zone, at('2026-12-07T10:00:00+08:00'));
    const groups = bySupplier(damagedItems(steps, from, runAt));
    expect(Object.fromEntries([...groups].map(([s, items]) => [s, items.map((i) => i.caseId)]))).toEqual({ 华为: ['r-2', 'e-1'], 小米: ['r-3'] });
  });

  it('consecutive runs neither miss nor repeat an item', () => {
    const runs = ['2026-11-30T10:00:00+08:00', '2026-12-07T10:00:00+08:00', '2026-12-14T10:00:00+08:00'].map((t) => collectionWindow(zone, at(t)));
    const listed = runs.flatMap((w) => damagedItems(steps, w.from, w.runAt).map((i) => i.caseId));
    expect(listed.sort()).toEqual(['e-1', 'r-1', 'r-2', 'r-3', 'r-5']);
  });
});

describe('the repair follow-up: by 17:00 the next working day (working-days-end with at)', () => {
  it('opened on a Friday is due Monday 17:00; opened before a holiday, after it', () => {
    const policy = getDefaultPolicy();
    const dueOf = (opened: string): string => new Date(due('aftersales.repair-followup', at(opened), {}, [], policy).due!).toISOString();
    expect(dueOf('2026-12-04T15:00:00+08:00')).toBe('2026-12-07T09:00:00.000Z'); // Fri → Mon 17:00
    expect(dueOf('2026-12-07T09:10:00+08:00')).toBe('2026-12-08T09:00:00.000Z'); // Mon → Tue 17:00
    // 国庆 2026: 10-01 – 10-07 off (国办发明电〔2025〕7号), Thursday 10-08 back at work.
    expect(dueOf('2026-09-30T11:00:00+08:00')).toBe('2026-10-08T09:00:00.000Z');
  });
});
