/** What a rule computes before the common warn/explain handling in due.ts. */
export interface RuleOutcome {
  clockStart: number;
  due: number | null;
  /** Business-time budget in ms; null for day rules. */
  budget: number | null;
  /** Computes the instant at which `fraction` of the budget has elapsed, pauses excluded. */
  elapsedAt: ((fraction: number) => number) | null;
  /** Day rules have no warning unless the step configures one. */
  dayBased: boolean;
}
