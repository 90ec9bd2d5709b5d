/**
 * A person's score (考核分) from the policy's `assessment` weights and targets (docs/people.md
 * "Scorecards"): each component with a figure earns `weight × min(1, actual / target)`, and
 *
 *     score = 100 × Σ earned / Σ weight        (over the components that have a figure)
 *
 * so a component without data (a picker has no chat) neither helps nor hurts; null when no
 * weighed component has a figure. Every component is returned, so a person sees why.
 */
import { type AssessmentPolicy, ScoreComponent } from './assessment.ts';

export interface ComponentScore {
  component: ScoreComponent;
  weight: number;
  target: number;
  /** The figure compared (a percent or a mean 1–5); null without data, then it is not counted. */
  actual: number | null;
  /** `min(1, actual / target)` in percent, one decimal; null without data. */
  attainmentPct: number | null;
  /** `weight × min(1, actual / target)`, two decimals; null without data. */
  earned: number | null;
}

export interface PersonScore {
  /** 0–100, one decimal; null when no weighed component has data. */
  score: number | null;
  components: ComponentScore[];
}

/** Scores the figures; components of weight 0 are listed (with their figure) but never counted. */
export function personScore(actuals: Readonly<Record<ScoreComponent, number | null>>, assessment: Pick<AssessmentPolicy, 'weights' | 'targets'>): PersonScore {
  let earnedSum = 0;
  let weightSum = 0;
  const components = Object.values(ScoreComponent).map((component): ComponentScore => {
    const weight = assessment.weights[component];
    const target = assessment.targets[component];
    const actual = actuals[component];
    if (actual === null) return { component, weight, target, actual, attainmentPct: null, earned: null };
    const attainment = Math.min(1, Math.max(0, actual / target));
    const earned = weight * attainment;
    if (weight > 0) {
      earnedSum += earned;
      weightSum += weight;
    }
    return { component, weight, target, actual, attainmentPct: round(attainment * 100, 1), earned: round(earned, 2) };
  });
  return { score: weightSum === 0 ? null : round((100 * earnedSum) / weightSum, 1), components };
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
