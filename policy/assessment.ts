/**
 * The policy's `assessment` (考核 and 质检, issue 23; docs/people.md): score weights and targets,
 * the weekly quality-check sample and its criteria, and the shop's service hours for the Taobao
 * measure. Omitted, the defaults of core/people/scorecard/assessment.ts apply.
 */
import { z } from 'zod';
import { DEFAULT_ASSESSMENT, ScoreComponent } from '../core/people/scorecard/assessment.ts';
import { parseTimeOfDay } from '../core/time/civil.ts';

const weight = z.number({ error: 'expected a number' }).min(0, 'expected 0 or more');
const time = z.string().transform((text, ctx) => {
  const minutes = parseTimeOfDay(text);
  if (minutes === undefined) ctx.addIssue({ code: 'custom', message: 'expected a time "HH:MM"' });
  return minutes ?? 0;
});
const components = <T extends z.ZodType>(value: T, defaults: Record<ScoreComponent, number>) =>
  z
    .strictObject(Object.fromEntries(Object.values(ScoreComponent).map((c) => [c, value.optional()])) as Record<ScoreComponent, z.ZodOptional<T>>)
    .transform((given) => Object.fromEntries(Object.values(ScoreComponent).map((c) => [c, (given[c] as number | undefined) ?? defaults[c]])) as Record<ScoreComponent, number>)
    .default(defaults);

const criterion = z.strictObject({
  id: z.string().regex(/^[a-z][a-z-]*$/, 'criterion ids are lower-case words joined by "-"'),
  label: z.strictObject({ zh: z.string().min(1, 'expected the Chinese name'), en: z.string().min(1, 'expected the English name') }),
});

export const assessmentSchema = z
  .strictObject({
    weights: components(weight, DEFAULT_ASSESSMENT.weights),
    targets: components(z.number({ error: 'expected a number' }).positive('expected a number above 0'), DEFAULT_ASSESSMENT.targets),
    qa: z
      .strictObject({
        closedSteps: z.number().int('expected a whole number').min(0).max(50, 'at most 50').default(DEFAULT_ASSESSMENT.qa.closedSteps),
        conversations: z.number().int('expected a whole number').min(0).max(50, 'at most 50').default(DEFAULT_ASSESSMENT.qa.conversations),
        criteria: z
          .array(criterion)
          .min(1, 'list at least one criterion')
          .refine((list) => new Set(list.map((c) => c.id)).size === list.length, { message: 'criterion ids must be unique' })
          .default(DEFAULT_ASSESSMENT.qa.criteria.map((c) => ({ ...c, label: { ...c.label } }))),
        seed: z.string().min(1).default(DEFAULT_ASSESSMENT.qa.seed),
      })
      .default({ ...DEFAULT_ASSESSMENT.qa, criteria: DEFAULT_ASSESSMENT.qa.criteria.map((c) => ({ ...c, label: { ...c.label } })) }),
    taobaoServiceHours: z
      .strictObject({ from: time, to: time })
      .refine((h) => h.from < h.to, { message: '"from" must be before "to"' })
      .default(DEFAULT_ASSESSMENT.taobaoServiceHours),
  })
  .refine((a) => Object.values(a.weights).some((w) => w > 0), { message: 'give at least one component a weight above 0', path: ['weights'] })
  .default(() => ({ ...structuredClone(DEFAULT_ASSESSMENT), qa: { ...DEFAULT_ASSESSMENT.qa, criteria: DEFAULT_ASSESSMENT.qa.criteria.map((c) => ({ ...c, label: { ...c.label } })) } }));
