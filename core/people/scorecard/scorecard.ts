/**
 * The scorecard (考核, issue 23; `GET /reports/people`): per person and month or week of the
 * policy's zone, the figures below — each counts exactly what its name says (docs/people.md
 * "Scorecards" gives every formula) — and the score of score.ts. Pure: the caller reads the steps,
 * conversations, callbacks and quality checks.
 *
 * A step is the person's when they own it (owner.ts: `assignedTo ?? completedBy`).
 */
import type { DutyCalendar } from '../../calendar/duty-calendar.ts';
import { isStepActive, StepStatus } from '../../cases/step.ts';
import { UNASSIGNED, type ConversationAnalysis } from '../../chat/conversation.ts';
import { ChatGroupBy, chatReport } from '../../chat/report.ts';
import type { ScoredCallback } from '../../reports/satisfaction.ts';
import { onDutyMinutesToComplete, percentile } from '../../reports/sla-report.ts';
import type { Zone } from '../../time/zone.ts';
import type { AssessmentPolicy } from './assessment.ts';
import { stepOwner, type OwnedStep } from './owner.ts';
import { periodsOf, type Period, type PeriodGroupBy } from './periods.ts';
import { personScore, type ComponentScore } from './score.ts';

/** A scored quality check (质检) as the scorecard counts it. */
export interface ScoredCheck {
  person: string;
  /** When the checked work happened (the step's completion, the conversation's first message), epoch ms. */
  at: number;
  /** 1–5 per criterion. */
  scores: Readonly<Record<string, number>>;
}

export interface ScorecardInput {
  /** Steps closed in (or after) the range and steps still active: the scorecard keeps what it needs. */
  steps: readonly OwnedStep[];
  /** Conversations with a customer message in the range, analysed as of `now`. */
  conversations: readonly ConversationAnalysis[];
  callbacks: readonly ScoredCallback[];
  checks: readonly ScoredCheck[];
  zone: Zone;
  /** Inclusive local days. */
  range: { fromDay: number; toDay: number };
  groupBy: PeriodGroupBy;
  calendarOf: (role: string) => DutyCalendar | undefined;
  assessment: Pick<AssessmentPolicy, 'weights' | 'targets'>;
}

export interface ScorecardRow {
  person: string;
  /** `YYYY-MM` or the week's Monday `YYYY-MM-DD`. */
  period: string;
  /** Owned steps completed in the period. */
  stepsCompleted: number;
  /** Of the owned steps completed in the period that had a deadline, those completed by it, percent (one decimal); null when none. */
  onTimePct: number | null;
  /** Nearest-rank p50 / p90 of on-duty minutes (the step role's calendar) from opening to completion, paused time excluded, of the steps completed. */
  p50OnDutyMinutes: number | null;
  p90OnDutyMinutes: number | null;
  /** Owned steps that breached (passed their due still open) in the period. */
  breaches: number;
  /** Of those, the ones still open now. */
  breachesOpen: number;
  /** Steps the person escalated by hand (上报) in the period (a step's latest escalation). */
  escalations: number;
  /** Conversations whose first agent answer was theirs, greeting due in the period (core/chat/report.ts). */
  conversations: number;
  /** Greetings answered within the standard, of those decided, percent; null when none. */
  greetingWithinPct: number | null;
  /** Questions they answered (or were left with) answered within the standard, of those decided, percent; null when none. */
  replyWithinPct: number | null;
  /** Complaint callbacks (回访) of complaints they handled, called back in the period. */
  callbacks: number;
  /** Mean callback score 1–5, two decimals; null when none. */
  satisfactionMean: number | null;
  /** Quality checks of their work in the period that a supervisor scored. */
  qaChecked: number;
  /** Mean of every criterion score 1–5 of those checks, two decimals; null when none. */
  qaMean: number | null;
  score: number | null;
  components: ComponentScore[];
}

/** Rows sorted by person, then period; a person appears in a period only with something to count there. */
export function scorecard(input: ScorecardInput): ScorecardRow[] {
  const periods = periodsOf(input.range.fromDay, input.range.toDay, input.groupBy);
  const periodAt = (ms: number | undefined): Period | undefined => {
    if (ms === undefined || Number.isNaN(ms)) return undefined;
    const day = input.zone.dayOf(ms);
    return periods.find((p) => day >= p.fromDay && day <= p.toDay);
  };
  const rows = new Map<string, Acc>();
  const acc = (person: string, period: Period): Acc => {
    const key = `${person}\u0000${period.key}`;
    let a = rows.get(key);
    if (a === undefined) {
      a = { person, period: period.key, completed: 0, withDue: 0, onTime: 0, minutes: [], breaches: 0, breachesOpen: 0, escalations: 0, callbacks: [], checks: [] };
      rows.set(key, a);
    }
    return a;
  };

  for (const step of input.steps) {
    const owner = stepOwner(step);
    if (step.status === StepStatus.completed && owner !== undefined) {
      const period = periodAt(ms(step.completedAt));
      if (period !== undefined) {
        const a = acc(owner, period);
        a.completed++;
        if (step.due !== undefined) {
          a.withDue++;
          if (step.onTime === true) a.onTime++;
        }
        const minutes = onDutyMinutesToComplete(step, input.calendarOf(step.role));
        if (minutes !== null) a.minutes.push(minutes);
      }
    }
    const breachPeriod = periodAt(ms(step.breachedAt));
    if (owner !== undefined && breachPeriod !== undefined) {
      const a = acc(owner, breachPeriod);
      a.breaches++;
      if (isStepActive(step.status)) a.breachesOpen++;
    }
    const by = step.escalation?.by;
    const escalationPeriod = by === undefined ? undefined : periodAt(ms(step.escalation?.at));
    if (by !== undefined && escalationPeriod !== undefined) acc(by, escalationPeriod).escalations++;
  }

  for (const c of input.callbacks) {
    const period = periodAt(ms(c.at));
    if (period !== undefined && c.handler !== UNASSIGNED) acc(c.handler, period).callbacks.push(c.score);
  }
  for (const check of input.checks) {
    const period = periodAt(check.at);
    if (period !== undefined) acc(check.person, period).checks.push(...Object.values(check.scores));
  }
  const chat = new Map<string, { conversations: number; greetingWithinPct: number | null; replyWithinPct: number | null }>();
  for (const period of periods) {
    for (const item of chatReport(input.conversations, ChatGroupBy.agent, input.zone, period)) {
      if (item.key === UNASSIGNED) continue;
      acc(item.key, period);
      chat.set(`${item.key}\u0000${period.key}`, item);
    }
  }
  for (const a of rows.values()) a.qaCount = input.checks.filter((c) => c.person === a.person && periodAt(c.at)?.key === a.period).length;

  return [...rows.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([key, a]) => {
      const c = chat.get(key);
      const minutes = [...a.minutes].sort((x, y) => x - y);
      const onTimePct = pct(a.onTime, a.withDue);
      const satisfactionMean = mean(a.callbacks);
      const qaMean = mean(a.checks);
      const owned = a.completed + a.breaches > 0;
      const noBreachOpen = !owned ? null : a.breaches === 0 ? 100 : pct(a.breaches - a.breachesOpen, a.breaches);
      const { score, components } = personScore({ stepOnTime: onTimePct, chatReply: c?.replyWithinPct ?? null, satisfaction: satisfactionMean, noBreachOpen, qa: qaMean }, input.assessment);
      return {
        person: a.person,
        period: a.period,
        stepsCompleted: a.completed,
        onTimePct,
        p50OnDutyMinutes: percentile(minutes, 50),
        p90OnDutyMinutes: percentile(minutes, 90),
        breaches: a.breaches,
        breachesOpen: a.breachesOpen,
        escalations: a.escalations,
        conversations: c?.conversations ?? 0,
        greetingWithinPct: c?.greetingWithinPct ?? null,
        replyWithinPct: c?.replyWithinPct ?? null,
        callbacks: a.callbacks.length,
        satisfactionMean,
        qaChecked: a.qaCount ?? 0,
        qaMean,
        score,
        components,
      };
    });
}

interface Acc {
  person: string;
  period: string;
  completed: number;
  withDue: number;
  onTime: number;
  minutes: number[];
  breaches: number;
  breachesOpen: number;
  escalations: number;
  callbacks: number[];
  checks: number[];
  qaCount?: number;
}

function ms(at: string | undefined): number | undefined {
  return at === undefined ? undefined : Date.parse(at);
}

function pct(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100;
}
