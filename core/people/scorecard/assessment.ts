/**
 * The policy's `assessment` (考核, issue 23) as the core uses it: the weights and targets a
 * person's score is made of, the quality-check (质检) sample and criteria, and the shop's service
 * hours for the Taobao measure (docs/people.md). policy/assessment.ts validates the document.
 */

/** The score's components; each compares one figure of the scorecard with its target. */
export const ScoreComponent = {
  /** Owned steps completed on time, percent (target e.g. 95). */
  stepOnTime: 'stepOnTime',
  /** Chat questions answered within the reply standard, percent (target e.g. 90). */
  chatReply: 'chatReply',
  /** Mean complaint-callback (回访) score 1–5 (target e.g. 4.5). */
  satisfaction: 'satisfaction',
  /** Owned breached steps no longer open, percent (target 100). */
  noBreachOpen: 'noBreachOpen',
  /** Mean quality-check score 1–5 (target e.g. 4). */
  qa: 'qa',
} as const;
export type ScoreComponent = (typeof ScoreComponent)[keyof typeof ScoreComponent];

export interface QaCriterion {
  /** A stable id (`courtesy`), stored with each score. */
  id: string;
  label: { zh: string; en: string };
}

export interface AssessmentPolicy {
  /** Relative weights (any positive numbers; 0 leaves a component out). */
  weights: Readonly<Record<ScoreComponent, number>>;
  /** The figure at which a component earns its full weight. */
  targets: Readonly<Record<ScoreComponent, number>>;
  qa: {
    /** Closed steps sampled per person and week. */
    closedSteps: number;
    /** Conversations sampled per person and week. */
    conversations: number;
    criteria: readonly QaCriterion[];
    /** Mixed into each week's sample seed: a store may change it to draw another sample. */
    seed: string;
  };
  /** The shop's service hours for the Taobao 3-minute response rate, minutes of the day [from, to). */
  taobaoServiceHours: { from: number; to: number };
}

/** The defaults of issue 23: on-time 40, chat reply 30, satisfaction 20, no breach left open 10; QA shown, not weighed. */
export const DEFAULT_ASSESSMENT: AssessmentPolicy = {
  weights: { stepOnTime: 40, chatReply: 30, satisfaction: 20, noBreachOpen: 10, qa: 0 },
  targets: { stepOnTime: 95, chatReply: 90, satisfaction: 4.5, noBreachOpen: 100, qa: 4 },
  qa: {
    closedSteps: 5,
    conversations: 5,
    criteria: [
      { id: 'courtesy', label: { zh: '礼貌', en: 'Courtesy' } },
      { id: 'expertise', label: { zh: '专业', en: 'Expertise' } },
      { id: 'accuracy', label: { zh: '准确', en: 'Accuracy' } },
    ],
    seed: 'qa',
  },
  taobaoServiceHours: { from: 8 * 60, to: 23 * 60 },
};
