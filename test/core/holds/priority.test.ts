import { describe, expect, it } from 'vitest';
import { nextBatchToday, priorityMarkedAt, priorityPickupAt } from '../../../core/holds/priority.ts';
import { getDefaultPolicy } from '../../../policy/load.ts';

// Seed §2.4.4 l.308 "我已与物流部沟通,我们会在今天为您安排寄出": the next batch left today (10:00, 13:00,
// 17:00 on pickup days, Monday to Saturday), else the order's regular plan. 2026-11-30 is a Monday.
const schedule = getDefaultPolicy().pickup;
const at = (iso: string) => Date.parse(iso);

describe('the batch of a priority order', () => {
  it('is the next batch still ahead today, sooner than the regular plan a late order gets', () => {
    // Ready 16:10: the regular plan skips 17:00 (less than 60 min lead) for Tuesday 10:00.
    expect(schedule.plannedFor(at('2026-11-30T16:10:00+08:00')).at).toBe(at('2026-12-01T10:00:00+08:00'));
    expect(priorityPickupAt(schedule, at('2026-11-30T16:10:00+08:00'), at('2026-11-30T16:12:00+08:00'))).toBe(at('2026-11-30T17:00:00+08:00'));
  });

  it('counts from the marking when the order was ready earlier', () => {
    expect(priorityPickupAt(schedule, at('2026-11-30T08:00:00+08:00'), at('2026-11-30T12:30:00+08:00'))).toBe(at('2026-11-30T10:00:00+08:00'));
    expect(nextBatchToday(schedule, at('2026-11-30T12:30:00+08:00'))).toBe(at('2026-11-30T13:00:00+08:00'));
  });

  it('keeps the regular plan when no batch is left today, or the day has no pickup (Sunday)', () => {
    expect(nextBatchToday(schedule, at('2026-11-30T17:30:00+08:00'))).toBeUndefined();
    expect(priorityPickupAt(schedule, at('2026-11-30T17:30:00+08:00'), at('2026-11-30T17:30:00+08:00'))).toBe(at('2026-12-01T10:00:00+08:00'));
    expect(nextBatchToday(schedule, at('2026-12-06T09:00:00+08:00'))).toBeUndefined();
  });

  it('reads the marking from the case facts, and nothing from an order never marked', () => {
    expect(priorityMarkedAt({ priority: true, priorityAt: '2026-11-30T16:12:00+08:00' })).toBe(at('2026-11-30T16:12:00+08:00'));
    expect(priorityMarkedAt({ priority: false, priorityAt: '2026-11-30T16:12:00+08:00' })).toBeUndefined();
    expect(priorityMarkedAt({})).toBeUndefined();
  });
});
