import { describe, expect, it } from 'vitest';
import { due } from '../../../core/deadline/due.ts';
import { policyForStep } from '../../../core/deadline/policy-for-step.ts';
import { getDefaultPolicy } from '../../../policy/load.ts';

const policy = getDefaultPolicy();
const at = (iso: string): number => Date.parse(iso);

// §12 Holds: the supervisor and the manager each approve, each with 30 on-duty minutes of their own
// (supervisor 08:00–20:00 every day, manager 09:00–18:00 on working days, default policy).
describe('the policy a step is computed on', () => {
  it('puts the manager\'s hold approval on the manager\'s calendar, and leaves the supervisor\'s as the policy says', () => {
    const from = at('2026-11-30T08:30:00+08:00');
    const manager = due('order.hold-approve', from, {}, [], policyForStep(policy, { step: 'order.hold-approve', role: 'manager' }), { explain: false });
    const supervisor = due('order.hold-approve', from, {}, [], policyForStep(policy, { step: 'order.hold-approve', role: 'supervisor' }), { explain: false });
    expect(new Date(manager.due!).toISOString()).toBe('2026-11-30T01:30:00.000Z'); // 09:30 Beijing
    expect(new Date(supervisor.due!).toISOString()).toBe('2026-11-30T01:00:00.000Z'); // 09:00 Beijing
  });

  it('returns the policy itself for a step on its own role, and for a role the policy does not know', () => {
    expect(policyForStep(policy, { step: 'order.review', role: 'ops-cs' })).toBe(policy);
    expect(policyForStep(policy, { step: 'order.review', role: 'automatic' })).toBe(policy);
  });
});
