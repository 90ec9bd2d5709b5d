import { describe, expect, it } from 'vitest';
import { diffPolicies } from '../../../core/policy-versions/diff.ts';
import { policyHash } from '../../../core/policy-versions/hash.ts';

describe('the diff between two policy versions', () => {
  it('names each changed, added and removed leaf by the path sla check uses', () => {
    const before = { warnAt: 0.8, roles: { 'ops-cs': { shifts: [{ from: '08:00', to: '20:00' }] } }, pickup: { days: ['mon', 'tue'] } };
    const after = { warnAt: 0.8, roles: { 'ops-cs': { shifts: [{ from: '08:00', to: '20:00' }, { from: '09:00', to: '17:00', days: ['sat'] }] } }, pickup: { days: ['mon'] }, carriers: [] };
    expect(diffPolicies(before, after)).toEqual([
      { path: 'roles["ops-cs"].shifts[1]', kind: 'added', after: { from: '09:00', to: '17:00', days: ['sat'] } },
      { path: 'pickup.days[1]', kind: 'removed', before: 'tue' },
      { path: 'carriers', kind: 'added', after: [] },
    ]);
  });

  it('finds nothing between equal documents, and hashes them alike whatever their key order', () => {
    expect(diffPolicies({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toEqual([]);
    expect(policyHash({ a: 1, b: { c: 2, d: 3 } })).toBe(policyHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(policyHash({ a: 1 })).not.toBe(policyHash({ a: 2 }));
  });
});
