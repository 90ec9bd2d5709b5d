/**
 * Queries, bodies and answers of the scorecard and quality-check routes (`GET /reports/people`,
 * `GET /qa`, `POST /qa/{id}/score`, `POST /qa/sample`; issue 23, docs/people.md) as zod: validated
 * with, and documented in `GET /openapi.json`.
 */
import { z } from 'zod';
import { QaKind } from '../../core/people/qa/item.ts';
import { ScoreComponent } from '../../core/people/scorecard/assessment.ts';
import { PeriodGroupBy } from '../../core/people/scorecard/periods.ts';
import { parseDate, weekdayOf } from '../../core/time/civil.ts';

const unlessMissing = (message: string) => (issue: { input?: unknown }): string => (issue.input === undefined ? 'is required' : message);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD (Asia/Shanghai)')
  .refine((text) => parseDate(text) !== undefined, 'is not a calendar date');
const monday = day.refine((text) => weekdayOf(parseDate(text) ?? 0) === 1, 'must be a Monday (a week starts on Monday)');

export const peopleReportQuery = z.strictObject({
  from: day.optional().describe('first day, inclusive (default: 29 days before `to`)'),
  to: day.optional().describe('last day, inclusive (default: today, Asia/Shanghai)'),
  groupBy: z.enum(Object.values(PeriodGroupBy), { error: unlessMissing(`must be one of ${Object.values(PeriodGroupBy).join(', ')}`) }).default('month'),
  person: z.string().min(1).max(64).optional().describe('one person\'s card: a user name, or `me`; staff without the supervisor role may read only their own'),
  format: z.enum(['json', 'csv'], { error: 'must be json or csv' }).default('json').describe('csv: UTF-8 with BOM for Excel (as `Accept: text/csv`)'),
  labels: z.enum(['en', 'zh'], { error: 'must be en or zh' }).default('en').describe('CSV column labels: ids (en) or Chinese (zh)'),
});

const component = z.object({
  component: z.enum(Object.values(ScoreComponent)),
  weight: z.number(),
  target: z.number(),
  actual: z.number().nullable().describe('the figure compared; null without data (then not counted)'),
  attainmentPct: z.number().nullable().describe('min(1, actual / target) in percent'),
  earned: z.number().nullable().describe('weight × min(1, actual / target)'),
});

const pct = (what: string) => z.number().nullable().describe(`${what}, percent, one decimal; null when none`);

export const scorecardRow = z.object({
  person: z.string(),
  period: z.string().describe('YYYY-MM, or the week\'s Monday YYYY-MM-DD'),
  stepsCompleted: z.number().int().describe('owned steps (assignedTo ?? completedBy) completed in the period'),
  onTimePct: pct('of those with a deadline, completed by it'),
  p50OnDutyMinutes: z.number().nullable().describe('median on-duty minutes from opening to completion, pauses excluded'),
  p90OnDutyMinutes: z.number().nullable(),
  breaches: z.number().int().describe('owned steps breached in the period'),
  breachesOpen: z.number().int().describe('of those, still open now'),
  escalations: z.number().int().describe('steps the person escalated by hand (上报) in the period'),
  conversations: z.number().int().describe('conversations they answered first, greeting due in the period'),
  greetingWithinPct: pct('greetings answered within the standard'),
  replyWithinPct: pct('questions answered within the standard'),
  callbacks: z.number().int().describe('callbacks (回访) of complaints they handled'),
  satisfactionMean: z.number().nullable().describe('mean callback score 1–5'),
  qaChecked: z.number().int().describe('quality checks of their work scored'),
  qaMean: z.number().nullable().describe('mean criterion score 1–5 of those checks'),
  score: z.number().nullable().describe('100 × Σ earned / Σ weight over components with data'),
  components: z.array(component),
});

export const peopleReportBody = z.object({
  from: day,
  to: day,
  groupBy: z.enum(Object.values(PeriodGroupBy)),
  weights: z.record(z.string(), z.number()),
  targets: z.record(z.string(), z.number()),
  rows: z.array(scorecardRow),
});

export const qaQueueQuery = z.strictObject({
  week: monday.optional().describe('the sampled week\'s Monday (default: last week)'),
  status: z.enum(['open', 'scored', 'all'], { error: 'must be open, scored or all' }).default('all'),
  person: z.string().min(1).max(64).optional(),
});

const qaScore = z.object({ scores: z.record(z.string(), z.number().int()), note: z.string(), scoredBy: z.string(), scoredAt: z.string() });

export const qaItemBody = z.object({
  id: z.string(),
  week: day,
  person: z.string(),
  kind: z.enum(Object.values(QaKind)),
  subject: z.record(z.string(), z.unknown()).describe('the step (case, step, outcome, fields with the checklist) or the conversation (counts and waits)'),
  at: z.string().describe('when the checked work happened'),
  sampledAt: z.string(),
  score: qaScore.nullable(),
});

export const qaQueueBody = z.object({
  week: day,
  criteria: z.array(z.object({ id: z.string(), label: z.object({ zh: z.string(), en: z.string() }) })),
  items: z.array(qaItemBody),
});

export const qaScoreRequest = z.strictObject({
  scores: z.record(z.string(), z.number({ error: 'must be a whole number 1–5' }).int('must be a whole number 1–5').min(1, 'must be 1–5').max(5, 'must be 1–5')).describe('criterion id → 1–5, every criterion of the policy'),
  note: z.string().max(1000, 'at most 1000 characters').default(''),
});

export const qaSampleRequest = z.strictObject({ week: monday.optional().describe('a Monday (default: last week)') });
export const qaSampleResult = z.object({ week: day, sampled: z.number().int(), added: z.number().int() });
