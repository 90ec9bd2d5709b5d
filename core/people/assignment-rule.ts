/**
 * How a role's new steps are assigned (policy `assignment`, issue 23 "Assignment"): `round-robin`
 * (default) to the on-duty person after the last one given a step, `least-open` to the on-duty
 * person holding the fewest open steps, `none` (all in the pool). At the end of a person's shift
 * (or on leave) their open steps go `to-next` on-duty person (default) or back `to-pool`.
 */

export const AssignmentRuleKind = { roundRobin: 'round-robin', leastOpen: 'least-open', none: 'none' } as const;
export type AssignmentRuleKind = (typeof AssignmentRuleKind)[keyof typeof AssignmentRuleKind];

export const HandoverKind = { next: 'to-next', pool: 'to-pool' } as const;
export type HandoverKind = (typeof HandoverKind)[keyof typeof HandoverKind];

export interface AssignmentRule {
  rule: AssignmentRuleKind;
  handover: HandoverKind;
}

export const DEFAULT_ASSIGNMENT: AssignmentRule = { rule: AssignmentRuleKind.roundRobin, handover: HandoverKind.next };

/** The rule of a role: the policy's entry, else the default. */
export function assignmentRuleOf(rules: ReadonlyMap<string, AssignmentRule> | undefined, role: string): AssignmentRule {
  return rules?.get(role) ?? DEFAULT_ASSIGNMENT;
}

export interface PickInput {
  rule: AssignmentRuleKind;
  /** The on-duty people of the role, by id. */
  onDuty: readonly string[];
  /** Round-robin: who was given the role's last step. */
  last?: string;
  /** Least-open: open steps held per person. */
  openCounts?: ReadonlyMap<string, number>;
  /** Never this person (the one going off duty). */
  except?: string;
}

/** Who gets the step; undefined leaves it in the pool (rule `none`, or nobody on duty). */
export function pickAssignee(input: PickInput): string | undefined {
  const candidates = [...input.onDuty].filter((p) => p !== input.except).sort((a, b) => a.localeCompare(b));
  if (input.rule === AssignmentRuleKind.none || candidates.length === 0) return undefined;
  if (input.rule === AssignmentRuleKind.leastOpen) {
    const count = (p: string) => input.openCounts?.get(p) ?? 0;
    return candidates.reduce((best, p) => (count(p) < count(best) ? p : best));
  }
  // Round-robin: the first candidate after the last one in id order, wrapping around.
  const last = input.last;
  return (last === undefined ? undefined : candidates.find((p) => p.localeCompare(last) > 0)) ?? candidates[0];
}
