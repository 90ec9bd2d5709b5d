import { describe, expect, it } from 'vitest';
import { timerName } from '../../../functions/shared/timer-names.ts';

describe('timer names', () => {
  it('are the same for the same timer, so scheduling again replaces it', () => {
    const t = { kind: 'due' as const, caseId: 'order-SO-1', step: 'order.review', attempt: 1 };
    expect(timerName(t)).toBe(timerName({ ...t }));
  });

  it('differ by kind, step, attempt and case', () => {
    const base = { kind: 'due' as const, caseId: 'order-SO-1', step: 'order.payment', attempt: 1 };
    const names = new Set([timerName(base), timerName({ ...base, kind: 'warn' }), timerName({ ...base, attempt: 2 }), timerName({ ...base, step: 'order.review' }), timerName({ ...base, caseId: 'order-SO-2' })]);
    expect(names.size).toBe(5);
  });

  it('fit Scheduler names: at most 64 characters of [0-9A-Za-z._-], even for long or odd case ids', () => {
    const name = timerName({ kind: 'case-due', caseId: `order-${'长'.repeat(10)}-${'x'.repeat(120)}`, step: 'order.handover', attempt: 1 });
    expect(name.length).toBeLessThanOrEqual(64);
    expect(name).toMatch(/^[0-9A-Za-z._-]+$/);
  });
});
