import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../../core/cases/step.ts';
import { assignChange, claimChange, releaseChange, withAssignee } from '../../../core/people/step-assignment.ts';

const step = (over: Partial<StepRecord> = {}): StepRecord => ({ caseId: 'c1', caseType: 'order', step: 'order.review', attempt: 1, role: 'ops-cs', status: 'open', openedAt: '2026-12-07T01:00:00.000Z', pauses: [], ...over });

describe('who holds a step', () => {
  it('a claim takes a pool step, keeps one already held by the claimer, and refuses one held by another', () => {
    expect(claimChange(step(), 'li')).toEqual({ to: 'li' });
    expect(claimChange(step({ assignedTo: 'li' }), 'li')).toBe('keep');
    expect(() => claimChange(step({ assignedTo: 'wang' }), 'li')).toThrow(expect.objectContaining({ name: 'StepAssignedToOther', status: 409 }));
  });

  it('a release is for the holder or a supervisor; nobody claims a closed step', () => {
    expect(releaseChange(step({ assignedTo: 'li' }), 'li', false)).toEqual({ to: undefined });
    expect(releaseChange(step({ assignedTo: 'li' }), 'boss', true)).toEqual({ to: undefined });
    expect(() => releaseChange(step({ assignedTo: 'li' }), 'wang', false)).toThrow(expect.objectContaining({ name: 'NotAssignee' }));
    expect(() => claimChange(step({ status: 'completed' }), 'li')).toThrow(expect.objectContaining({ name: 'StepNotOpen' }));
    expect(assignChange(step({ assignedTo: 'li' }), 'li')).toBe('keep');
  });

  it('moving a step to the pool drops assignedTo and stamps assignedAt', () => {
    const pooled = withAssignee(step({ assignedTo: 'li' }), undefined, '2026-12-07T06:00:00.000Z');
    expect(pooled.assignedTo).toBeUndefined();
    expect(pooled.assignedAt).toBe('2026-12-07T06:00:00.000Z');
  });
});
