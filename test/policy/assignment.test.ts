/** The policy's `assignment` (issue 23, docs/people.md): per role a rule and a handover, defaults for the rest, declared roles only. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PolicyInvalid } from '../../policy/errors.ts';
import { compilePolicy } from '../../policy/compile.ts';
import { DEFAULT_POLICY_PATH, parsePolicy } from '../../policy/load.ts';
import { assignmentRuleOf } from '../../core/people/assignment-rule.ts';

const withAssignment = (assignment: unknown) => ({ ...(JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as Record<string, unknown>), assignment });

describe('the policy assignment section', () => {
  it('compiles each listed role with its defaults filled in; unlisted roles take round-robin / to-next', () => {
    const policy = compilePolicy(parsePolicy(withAssignment({ 'complaint-handler': { rule: 'least-open' }, supervisor: { rule: 'none', handover: 'to-pool' } })));
    expect(assignmentRuleOf(policy.assignment, 'complaint-handler')).toEqual({ rule: 'least-open', handover: 'to-next' });
    expect(assignmentRuleOf(policy.assignment, 'supervisor')).toEqual({ rule: 'none', handover: 'to-pool' });
    expect(assignmentRuleOf(policy.assignment, 'ops-cs')).toEqual({ rule: 'round-robin', handover: 'to-next' });
  });

  it('refuses an undeclared role and an unknown rule, naming them', () => {
    const problems = (assignment: unknown): readonly string[] => {
      try {
        parsePolicy(withAssignment(assignment));
      } catch (error) {
        expect(error).toBeInstanceOf(PolicyInvalid);
        return (error as PolicyInvalid).problems;
      }
      throw new Error('accepted');
    };
    expect(problems({ cashier: { rule: 'round-robin' } }).join('\n')).toContain('assignment.cashier: unknown role "cashier"');
    expect(problems({ 'ops-cs': { rule: 'random' } }).join('\n')).toContain('assignment["ops-cs"].rule: expected "round-robin", "least-open" or "none"');
  });
});
