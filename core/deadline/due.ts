import { addOnDuty } from '../calendar/business-time.ts';
import { normalizeIntervals, type Interval } from '../calendar/interval.ts';
import { formatDuration } from '../time/civil.ts';
import { InvalidFact, InvalidPause, MissingFact, UnknownStep } from './errors.ts';
import { describeRule, Explainer } from './explain.ts';
import { businessTimeRule } from './rules/business-time.ts';
import { sameDayEnd, workingDaysEnd } from './rules/day-based.ts';
import type { RuleOutcome } from './rules/outcome.ts';
import { pickupBatch } from './rules/pickup-batch.ts';
import {
  type CompiledPolicy,
  type DeadlineResult,
  type DeadlineRule,
  type DueOptions,
  type Facts,
  type StepPolicy,
} from './types.ts';

/**
 * The deadline of a step opened at `opened` (epoch ms): when it is due, when to warn, the
 * business-time budget, and a human-readable account of how the deadline came out.
 * Pure: everything it needs is in its arguments.
 */
export function due(
  stepId: string,
  opened: number,
  facts: Facts,
  pauses: readonly Interval[],
  policy: CompiledPolicy,
  options: DueOptions = {},
): DeadlineResult {
  const step = policy.steps.get(stepId);
  if (!step) throw new UnknownStep(stepId, [...policy.steps.keys()]);
  const explainer = new Explainer(options.explain ?? true);
  explainer.add(() => `${step.id} (${step.role}): ${describeRule(step.rule, step.role)}`);
  const rule = resolveRule(step, facts, explainer);
  const normalizedPauses = checkPauses(pauses, opened);
  const outcome = applyRule(step, rule, opened, normalizedPauses, policy, explainer);
  const warnAt = warningOf(step, outcome, opened, normalizedPauses, policy, explainer);
  const dueAt = outcome.due;
  if (dueAt !== null && !outcome.dayBased) explainer.add(() => `due ${policy.zone.formatShort(dueAt)}`);
  if (dueAt === null) explainer.add(() => 'no deadline: nothing is due and nothing will breach');
  return {
    step: step.id,
    role: step.role,
    opened,
    clockStart: outcome.clockStart,
    due: outcome.due,
    warnAt,
    budget: outcome.budget,
    provisional: outcome.provisional ?? false,
    explain: explainer.lines,
  };
}

function applyRule(
  step: StepPolicy,
  rule: DeadlineRule,
  opened: number,
  pauses: readonly Interval[],
  policy: CompiledPolicy,
  explainer: Explainer,
): RuleOutcome {
  switch (rule.kind) {
    case 'business-minutes':
    case 'business-minutes-or-next-on-duty-day-by':
    case 'on-duty-day-by': {
      const role = policy.roles.get(step.role);
      // The policy schema guarantees business-time steps name a role; this guards hand-built policies.
      if (!role) throw new TypeError(`step ${step.id}: rule ${rule.kind} needs a role calendar, got "${step.role}"`);
      return businessTimeRule(rule, role.calendar, opened, pauses, explainer);
    }
    case 'working-days-end':
      return workingDaysEnd(rule.days, policy.workingDays, opened, pauses, explainer, rule.at);
    case 'same-day-end':
      return sameDayEnd(policy.everyDay, opened, pauses, explainer);
    case 'pickup-batch':
      if (pauses.length) throw new InvalidPause(`step ${step.id} follows the courier's pickup batches and cannot be paused`);
      return pickupBatch(policy.pickup, opened, explainer);
    case 'none':
    case 'by-fact': // resolved before; a by-fact case naming another by-fact is refused by the schema
      explainer.add(() => `opened ${policy.zone.formatShort(opened)}`);
      return { clockStart: opened, due: null, budget: null, warnBasis: null, dayBased: true };
  }
}

function resolveRule(step: StepPolicy, facts: Facts, explainer: Explainer): DeadlineRule {
  const rule = step.rule;
  if (rule.kind !== 'by-fact') {
    const names = Object.keys(facts);
    if (names.length) throw new InvalidFact(step.id, names[0] as string, `step ${step.id} takes no facts (got "${names[0]}")`);
    return rule;
  }
  const unexpected = Object.keys(facts).find((n) => n !== rule.fact);
  if (unexpected) {
    throw new InvalidFact(step.id, unexpected, `step ${step.id} takes only fact "${rule.fact}" (got "${unexpected}")`);
  }
  const allowed = Object.keys(rule.cases);
  // Without the fact, the rule's default case (a complaint filed without a level is normal, §12).
  const value = facts[rule.fact] ?? rule.default;
  if (value === undefined) throw new MissingFact(step.id, rule.fact, allowed);
  const chosen = Object.hasOwn(rule.cases, value) ? rule.cases[value] : undefined;
  if (!chosen) {
    throw new InvalidFact(step.id, rule.fact, `fact ${rule.fact}="${value}" is not one of: ${allowed.join(', ')}`);
  }
  explainer.add(() => `${rule.fact}=${value}: ${describeRule(chosen, step.role)}`);
  return chosen;
}

const NO_PAUSES: readonly Interval[] = [];

function checkPauses(pauses: readonly Interval[], opened: number): readonly Interval[] {
  if (pauses.length === 0) return NO_PAUSES;
  for (const p of pauses) {
    if (!Number.isFinite(p.start) || !Number.isFinite(p.end)) throw new InvalidPause('a pause has an invalid start or end');
    if (p.end <= p.start) {
      throw new InvalidPause(`a pause must end after it starts (got ${new Date(p.start).toISOString()}/${new Date(p.end).toISOString()})`);
    }
  }
  // Time before the step opened was never counted, so a pause there changes nothing.
  return normalizeIntervals(pauses.map((p) => ({ start: Math.max(p.start, opened), end: p.end })));
}

function warningOf(
  step: StepPolicy,
  outcome: RuleOutcome,
  opened: number,
  pauses: readonly Interval[],
  policy: CompiledPolicy,
  explainer: Explainer,
): number | null {
  if (outcome.due === null) return null;
  const warn = step.warn ?? (outcome.dayBased ? { kind: 'none' as const } : { kind: 'fraction' as const, fraction: policy.warnFraction });
  const zone = policy.zone;
  switch (warn.kind) {
    case 'none':
      explainer.add(() => 'no warning for this rule');
      return null;
    case 'after-hours': {
      const at = Math.min(opened + warn.hours * 3_600_000, outcome.due);
      explainer.add(() => `warning ${warn.hours}h after opening → ${zone.formatShort(at)}`);
      return at;
    }
    case 'fraction': {
      if (!outcome.warnBasis) return null;
      const { calendar, amount } = outcome.warnBasis;
      const at = addOnDuty(calendar, outcome.clockStart, Math.round(amount * warn.fraction), pauses);
      const pct = Math.round(warn.fraction * 100);
      const budgetText = outcome.budget !== null ? ` of the ${formatDuration(outcome.budget)} budget (${formatDuration(outcome.budget * warn.fraction)})` : '';
      explainer.add(() => `warning at ${pct}%${budgetText} → ${zone.formatShort(at)}`);
      return at;
    }
  }
}
