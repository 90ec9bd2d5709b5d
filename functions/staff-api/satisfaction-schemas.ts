/**
 * `GET /reports/satisfaction`'s query and answer as zod (validated with, and documented in
 * `GET /openapi.json`); kept beside schemas.ts, whose helpers it shares in spirit.
 */
import { z } from 'zod';
import { SatisfactionGroupBy } from '../../core/reports/satisfaction.ts';
import { parseDate } from '../../core/time/civil.ts';

const unlessMissing = (message: string) => (issue: { input?: unknown }): string => (issue.input === undefined ? 'is required' : message);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD (Asia/Shanghai)')
  .refine((text) => parseDate(text) !== undefined, 'is not a calendar date');

export const satisfactionQuery = z.strictObject({
  from: day.optional().describe('first day of the callbacks, inclusive (default: 29 days before `to`)'),
  to: day.optional().describe('last day, inclusive (default: today, Asia/Shanghai)'),
  groupBy: z.enum(Object.values(SatisfactionGroupBy), { error: unlessMissing(`must be one of ${Object.values(SatisfactionGroupBy).join(', ')}`) }).default('handler'),
  labels: z.enum(['en', 'zh'], { error: 'must be en or zh' }).default('en').describe('CSV column labels: ids (en) or Chinese (zh, for Excel users)'),
});

const figures = z.object({
  count: z.number().int().describe('callbacks (回访) with a score'),
  meanScore: z.number().nullable().describe('mean score 1–5, two decimals; null without callbacks'),
  distribution: z.object({ '1': z.number().int(), '2': z.number().int(), '3': z.number().int(), '4': z.number().int(), '5': z.number().int() }).describe('callbacks per score'),
  lowSharePct: z.number().nullable().describe('callbacks scored ≤ 2, percent of count, one decimal'),
  lowCases: z.array(z.string()).describe('the complaint cases scored ≤ 2, in callback order'),
});

export const satisfactionReportBody = z.object({
  from: day,
  to: day,
  groupBy: z.enum(Object.values(SatisfactionGroupBy)),
  rows: z.array(figures.extend({ group: z.string().describe('a staff user (who resolved the complaint), a category id (`other` without one) or a month YYYY-MM') })),
  total: figures,
});
