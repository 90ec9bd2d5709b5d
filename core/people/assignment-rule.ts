/**
 * How a role's new steps are assigned (policy `assignment`, issue 23 "Assignment"): `round-robin`
 * (default) to the on-duty person given a step least recently (never, first; ties by id) — fair
 * when the on-duty set changes with the shifts, where a plain "next after the last" would restart at
 * the first id of each shift — `least-open` to the on-duty
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
  /** Round-robin: the role's people by when they were last given a step, least recent first. */
  recent?: readonly string[];
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
  // Round-robin: whoever of the candidates was given a step least recently; never given one comes first.
  const order = new Map((input.recent ?? []).map((p, i) => [p, i]));
  const rank = (p: string) => order.get(p) ?? -1;
  return candidates.reduce((best, p) => (rank(p) < rank(best) ? p : best));
}
