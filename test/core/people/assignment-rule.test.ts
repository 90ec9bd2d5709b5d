import { describe, expect, it } from 'vitest';
import { assignmentRuleOf, DEFAULT_ASSIGNMENT, pickAssignee } from '../../../core/people/assignment-rule.ts';

describe('pickAssignee', () => {
  it('round-robin gives the step to the on-duty person given one least recently, never-given first, ties by id', () => {
    const onDuty = ['wang', 'li', 'zhang'];
    expect(pickAssignee({ rule: 'round-robin', onDuty })).toBe('li');
    expect(pickAssignee({ rule: 'round-robin', onDuty, recent: ['li'] })).toBe('wang');
    expect(pickAssignee({ rule: 'round-robin', onDuty, recent: ['li', 'wang'] })).toBe('zhang');
    expect(pickAssignee({ rule: 'round-robin', onDuty, recent: ['wang', 'zhang', 'li'] })).toBe('wang');
  });

  it('round-robin stays fair across shifts: the early shift picks up where it left off, not at its first id', () => {
    // 早班 a, b; 晚班 c, d. Day 1's early shift gave a, b, a; the late shift c, d.
    const given: string[] = [];
    const give = (onDuty: string[]) => {
      const recent = [...new Set([...given].reverse())].reverse();
      const to = pickAssignee({ rule: 'round-robin', onDuty, recent })!;
      given.push(to);
      return to;
    };
    expect([give(['a', 'b']), give(['a', 'b']), give(['a', 'b'])]).toEqual(['a', 'b', 'a']);
    expect([give(['c', 'd']), give(['c', 'd'])]).toEqual(['c', 'd']);
    // Day 2: b is next (a had one more), so over both days nobody has two more than another.
    expect([give(['a', 'b']), give(['a', 'b'])]).toEqual(['b', 'a']);
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
