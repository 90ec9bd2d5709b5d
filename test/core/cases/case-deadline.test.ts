import { describe, expect, it } from 'vitest';
import { breachCaseDeadline, nextCaseDeadlineInstant, settleCaseDeadline, warnCaseDeadline, type CaseDeadlineRecord } from '../../../core/cases/case-deadline.ts';

const handover: CaseDeadlineRecord = {
  caseId: 'order-SO-1',
  caseType: 'order',
  deadline: 'order.handover',
  startedAt: '2025-03-10T02:00:00.000Z',
  warnAt: '2025-03-11T02:00:00.000Z',
  due: '2025-03-12T16:00:00.000Z',
};

describe('case deadlines', () => {
  it('are due next at their warning, then at their due, and at nothing once breached or settled', () => {
    expect(nextCaseDeadlineInstant(handover)).toBe(handover.warnAt);
    expect(nextCaseDeadlineInstant({ ...handover, warnedAt: handover.warnAt })).toBe(handover.due);
    expect(nextCaseDeadlineInstant({ ...handover, breachedAt: handover.due })).toBeUndefined();
    expect(nextCaseDeadlineInstant({ ...handover, settledAt: '2025-03-10T05:00:00.000Z' })).toBeUndefined();
  });

  it('warn once, from the warning instant on', () => {
    expect(warnCaseDeadline(handover, '2025-03-11T01:59:59.000Z').changed).toBe(false);
    const warned = warnCaseDeadline(handover, '2025-03-11T02:00:00.000Z');
    expect(warned).toEqual({ changed: true, deadline: { ...handover, warnedAt: '2025-03-11T02:00:00.000Z' } });
    expect(warnCaseDeadline(warned.deadline, '2025-03-11T03:00:00.000Z').changed).toBe(false);
  });

  it('breach once, from the due instant on, and never after the promise was settled', () => {
    expect(breachCaseDeadline(handover, '2025-03-12T15:59:59.000Z').changed).toBe(false);
    const breached = breachCaseDeadline(handover, handover.due);
    expect(breached.deadline.breachedAt).toBe(handover.due);
    expect(breachCaseDeadline(breached.deadline, '2025-03-13T00:00:00.000Z').changed).toBe(false);
    const kept = settleCaseDeadline(handover, '2025-03-10T05:00:00.000Z').deadline;
    expect(breachCaseDeadline(kept, '2025-03-13T00:00:00.000Z').changed).toBe(false);
    expect(settleCaseDeadline(kept, '2025-03-13T00:00:00.000Z').changed).toBe(false);
  });
});
