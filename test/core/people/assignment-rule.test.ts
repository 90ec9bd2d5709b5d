import { describe, expect, it } from 'vitest';
import { assignmentRuleOf, DEFAULT_ASSIGNMENT, pickAssignee } from '../../../core/people/assignment-rule.ts';

describe('pickAssignee', () => {
  it('round-robin gives the step to the on-duty person after the last one, wrapping around', () => {
    const onDuty = ['wang', 'li', 'zhang'];
    expect(pickAssignee({ rule: 'round-robin', onDuty })).toBe('li');
    expect(pickAssignee({ rule: 'round-robin', onDuty, last: 'li' })).toBe('wang');
    expect(pickAssignee({ rule: 'round-robin', onDuty, last: 'zhang' })).toBe('li');
    // The last one went off duty: the next in id order after them.
    expect(pickAssignee({ rule: 'round-robin', onDuty: ['li', 'zhang'], last: 'wang' })).toBe('zhang');
  });

  it('least-open gives the step to whoever holds the fewest open steps, ties by id', () => {
    const openCounts = new Map([
      ['li', 3],
      ['wang', 1],
    ]);
    expect(pickAssignee({ rule: 'least-open', onDuty: ['li', 'wang', 'zhang'], openCounts })).toBe('zhang');
    expect(pickAssignee({ rule: 'least-open', onDuty: ['li', 'wang'], openCounts })).toBe('wang');
  });

  it('leaves the step in the pool under rule none or with nobody on duty but the one leaving', () => {
    expect(pickAssignee({ rule: 'none', onDuty: ['li'] })).toBeUndefined();
    expect(pickAssignee({ rule: 'round-robin', onDuty: [] })).toBeUndefined();
    expect(pickAssignee({ rule: 'round-robin', onDuty: ['li'], except: 'li' })).toBeUndefined();
  });

  it('defaults a role the policy does not list to round-robin with handover to the next on duty', () => {
    expect(assignmentRuleOf(new Map([['picker', { rule: 'none', handover: 'to-pool' }]]), 'ops-cs')).toEqual(DEFAULT_ASSIGNMENT);
    expect(assignmentRuleOf(new Map([['picker', { rule: 'none', handover: 'to-pool' }]]), 'picker')).toEqual({ rule: 'none', handover: 'to-pool' });
  });
});
