import { z } from 'zod';
import { ALARM_DETAIL_TYPES } from '../core/alarms/alarm.ts';
import { BATCH_CHAIN } from '../core/calendar/batch-targets.ts';
import { CHANNEL_KINDS } from '../core/alarms/channel-kind.ts';
import { AlarmLanguage } from '../core/alarms/labels.ts';
import { matchesPattern } from '../core/alarms/routing.ts';
import { AUTOMATIC } from '../core/cases/step.ts';
import { parseDate, parseTimeOfDay, WEEKDAYS } from '../core/time/civil.ts';
import { carriersSchema } from './carriers.ts';
import { NOTICE_KINDS } from '../core/notices/notice.ts';
import { checkTemplate, DEFAULT_SHOP, DEFAULT_TEMPLATES } from '../core/notices/templates.ts';
import { assessmentSchema } from './assessment.ts';
import { connectorsSchema } from './connectors.ts';

/**
 * The SLA policy file's schema. Objects are strict so that a typo fails loudly; every refinement
 * names the field and says what was expected. Times of day become minutes, dates day numbers.
 */

const timeOfDay = z
  .string({ error: 'expected a time "HH:MM"' })
  .transform((text, ctx) => {
    const minutes = parseTimeOfDay(text);
    if (minutes === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected a time "HH:MM" between 00:00 and 24:00, got "${text}"` });
      return z.NEVER;
    }
    return minutes;
  });

const date = z
  .string({ error: 'expected a date "YYYY-MM-DD"' })
  .transform((text, ctx) => {
    const day = parseDate(text);
    if (day === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected a real date "YYYY-MM-DD", got "${text}"` });
      return z.NEVER;
    }
    return day;
  });

const weekday = z.enum(WEEKDAYS, { error: `expected a weekday: ${WEEKDAYS.join(', ')}` });
const weekdayIndex = weekday.transform((d) => WEEKDAYS.indexOf(d));

const positiveInt = z.number({ error: 'expected a number' }).int('expected a whole number').positive('expected a number above 0');

const shiftChecks = <T extends { from: number; to: number }>(schema: z.ZodType<T>) =>
  schema
    .refine((s) => s.from !== s.to, { message: 'a shift must not start and end at the same time (use 00:00–24:00 for a whole day)' })
    .refine((s) => s.from < 1440, { message: 'a shift cannot start at 24:00', path: ['from'] });

const shift = shiftChecks(z.strictObject({ from: timeOfDay, to: timeOfDay }));

const weeklyShift = shiftChecks(
  z.strictObject({
    from: timeOfDay,
    to: timeOfDay,
    /** Weekdays the shift starts on; omitted means every day. */
    days: z.array(weekdayIndex).min(1, 'list at least one weekday, or omit "days" for every day').optional(),
  }),
);

const dateException = z.strictObject({
  date,
  shifts: z.array(shift),
  note: z.string().optional(),
});

const role = z.strictObject({
  label: z.string().min(1),
  shifts: z.array(weeklyShift).min(1, 'a role needs at least one weekly shift'),
  /** The shifts apply on statutory working days only (`workingDays`: Mon–Fri minus holidays, plus 调休 days), e.g. the manager's. */
  workingDaysOnly: z.boolean().default(false),
  exceptions: z.array(dateException).default([]),
});

const plainRule = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('business-minutes'), minutes: positiveInt }),
    z.strictObject({ kind: z.literal('business-minutes-or-next-on-duty-day-by'), minutes: positiveInt, offDutyBy: timeOfDay }),
    z.strictObject({ kind: z.literal('on-duty-day-by'), at: timeOfDay }),
    /** `at`: by HH:MM of the N-th working day instead of its end (a repair follow-up by 17:00 the next working day, §12 "Side flows"). */
    z.strictObject({ kind: z.literal('working-days-end'), days: positiveInt, at: timeOfDay.optional() }),
    z.strictObject({ kind: z.literal('same-day-end') }),
    z.strictObject({ kind: z.literal('pickup-batch') }),
    z.strictObject({ kind: z.literal('none') }),
  ],
  {
    error: () =>
      'expected "kind" to be one of: business-minutes, business-minutes-or-next-on-duty-day-by, on-duty-day-by, working-days-end, same-day-end, pickup-batch, by-fact, none',
  },
);

const byFactRule = z
  .strictObject({
    kind: z.literal('by-fact'),
    fact: z.string().regex(/^[a-z][a-zA-Z0-9-]*$/, 'expected a fact name such as "channel"'),
    cases: z.record(z.string().min(1), plainRule).refine((c) => Object.keys(c).length > 0, 'list at least one case'),
    /** The case that applies when the step is opened without the fact (a complaint filed without a level is `normal`); absent: the fact is required. */
    default: z.string().min(1).optional(),
  })
  .refine((r) => r.default === undefined || Object.hasOwn(r.cases, r.default), { message: 'default must name one of the cases', path: ['default'] });

const rule = z.union([byFactRule, plainRule], { error: () => 'expected a deadline rule object with a "kind"' });

const warn = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('fraction'),
      fraction: z.number().gt(0, 'expected a fraction above 0').lt(1, 'expected a fraction below 1'),
    }),
    z.strictObject({ kind: z.literal('after-hours'), hours: z.number().positive('expected hours above 0') }),
    z.strictObject({ kind: z.literal('none') }),
  ],
  { error: () => 'expected "kind" to be one of: fraction, after-hours, none' },
);

/**
 * A warning that escalates like a breach (§12 "Complaint kinds": an urgent complaint): `true` for
 * every opening of the step, or only when the by-fact rule's `fact` has one of `values`.
 */
const escalateAtWarning = z.union([z.boolean(), z.strictObject({ fact: z.string().regex(/^[a-z][a-zA-Z0-9-]*$/, 'expected a fact name such as "level"'), values: z.array(z.string().min(1)).min(1, 'list at least one value') })], {
  error: () => 'expected true, false or {"fact": "<name>", "values": ["<value>", …]}',
});

const step = z.strictObject({
  role: z.string().min(1),
  scope: z.enum(['step', 'case']).default('step'),
  rule,
  warn: warn.optional(),
  escalateAtWarning: escalateAtWarning.optional(),
  description: z.string().default(''),
});

const pickupBatch = z.strictObject({ at: timeOfDay, ordersBefore: timeOfDay });

const pickup = z
  .strictObject({
    days: z.array(weekday).min(1, 'list at least one pickup day'),
    batches: z.array(pickupBatch).min(1, 'list at least one pickup batch'),
    exceptions: z.array(z.strictObject({ date, pickup: z.boolean(), note: z.string().optional() })).default([]),
    /**
     * service-standards.md §2 "Batch targets": an order ready less than this many minutes before a
     * batch is planned for the following batch (at most a day).
     */
    leadMinutes: z.number({ error: 'expected a number' }).int('expected a whole number').min(0, 'expected 0 or more minutes').max(1440, 'expected at most 1440 minutes (a day)').default(60),
    /** Wall-clock minutes each order step needs before the batch; batch targets are planned backward with them. */
    stepShares: z
      .partialRecord(z.enum(BATCH_CHAIN, { error: `expected one of ${BATCH_CHAIN.join(', ')}` }), z.number({ error: 'expected a number' }).int('expected a whole number').min(0, 'expected 0 or more minutes').max(1440, 'expected at most 1440 minutes'))
      .default({ 'order.dispatch': 5, 'order.crm-bind': 10, 'order.pack': 30 }),
  })
  .superRefine((p, ctx) => {
    p.batches.forEach((b, i) => {
      const previous = p.batches[i - 1];
      if (previous && b.ordersBefore <= previous.ordersBefore) {
        ctx.addIssue({ code: 'custom', path: ['batches', i, 'ordersBefore'], message: 'batches must be listed with increasing "ordersBefore"' });
      }
      if (b.at < b.ordersBefore) {
        ctx.addIssue({ code: 'custom', path: ['batches', i, 'at'], message: 'a batch cannot leave before its order window closes ("at" < "ordersBefore")' });
      }
      if (b.ordersBefore >= 1440) {
        ctx.addIssue({ code: 'custom', path: ['batches', i, 'ordersBefore'], message: 'use a time before 24:00' });
      }
    });
  });

const holidayEntry = z.strictObject({ date, name: z.string().min(1) });

const workingDays = z.strictObject({
  /** Built-in PRC holiday data to start from; the entries below extend or override it. */
  holidayData: z.enum(['chinese-days', 'none']).default('chinese-days'),
  holidays: z.array(holidayEntry).default([]),
  adjustedWorkdays: z.array(holidayEntry).default([]),
  /**
   * Statutory holidays (policy/statutory-holidays.ts) that are not days off: a year the policy adds
   * keeps all 13 statutory days unless a date is named here (or made an adjusted workday).
   */
  removedHolidays: z.array(date).default([]),
});

const caseRules = z.strictObject({
  reviewCallbackMinutes: positiveInt,
  noReasonReturnDays: positiveInt,
  noReasonExchangeDays: positiveInt,
  unpaid: z.strictObject({
    paymentWaitMinutes: positiveInt,
    followUps: z.array(z.strictObject({ day: z.number().int().min(2), at: timeOfDay })),
    expireAtEndOfDay: positiveInt,
  }),
  /** Sanity bounds on a webhook's business times (placedAt, paidAt, …), which deadlines count from. */
  businessTime: z.strictObject({ maxAheadSeconds: positiveInt, maxAgeDays: positiveInt }).default({ maxAheadSeconds: 300, maxAgeDays: 30 }),
});

const httpUrl = z.string().refine((text) => /^https?:\/\/[^\s/]+/.test(text) && URL.canParse(text), { message: 'expected an http:// or https:// URL' });
const channelName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'channel names are lower-case letters, digits and "-" (at most 32)');
const pattern = z.string().regex(/^[A-Za-z0-9.*-]+$/, 'expected an id or a pattern with "*", e.g. "order.*"');

const secretRef = z.union(
  [
    z.strictObject({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name') }),
    z.strictObject({ secretsManager: z.string().min(1, 'expected a Secrets Manager secret name or ARN') }),
  ],
  { error: () => 'expected {"env": "<VARIABLE>"} or {"secretsManager": "<secret name or ARN>"}: a secret by reference, never its value' },
);

const alarmChannel = z.strictObject({
  /** Recognised from the URL's host when omitted. */
  kind: z.enum(CHANNEL_KINDS, { error: `expected one of: ${CHANNEL_KINDS.join(', ')}` }).optional(),
  url: httpUrl,
  secret: secretRef.optional(),
  language: z.enum(Object.values(AlarmLanguage), { error: 'expected "zh-CN" or "en"' }).default(AlarmLanguage.zh),
  mentions: z.array(z.string().min(1)).default([]),
});

const alarmRoute = z.strictObject({
  events: z.array(pattern).min(1, 'list at least one event type or "*"').default(['*']),
  roles: z.array(pattern).min(1, 'list at least one role or "*"').default(['*']),
  steps: z.array(pattern).min(1, 'list at least one step or "*"').default(['*']),
  channels: z.array(channelName).min(1, 'name at least one channel'),
  warnings: z.boolean().default(false),
  onDutyOnly: z.boolean().default(false),
});

const alarms = z.strictObject({
  channels: z.record(channelName, alarmChannel).default({}),
  routes: z.array(alarmRoute).default([]),
  digestWindowSeconds: positiveInt.max(600, 'at most 600 seconds').default(30),
  maxItemsPerMessage: positiveInt.max(50, 'at most 50').default(20),
  dailySummary: z
    .union([z.strictObject({ at: timeOfDay }), z.literal(false)], { error: () => 'expected {"at": "HH:MM"} or false' })
    .refine((s) => s === false || s.at % 15 === 0, { message: 'the summary runs on the quarter hour: use a time such as 18:00 or 18:15' })
    .default({ at: 18 * 60 }),
  consoleUrl: httpUrl.optional(),
});

/**
 * Customer notices (service-standards.md §12): where the storefront takes them (`url`, signed with
 * `secret`, by reference), the shop's name and the Chinese templates (defaults quote the seed,
 * core/notices/templates.ts). Without `url` the notices go on the bus only.
 */
const notices = z
  .strictObject({
    url: httpUrl.optional(),
    secret: secretRef.optional(),
    shop: z.string().min(1).default(DEFAULT_SHOP),
    templates: z.strictObject(Object.fromEntries(NOTICE_KINDS.map((k) => [k, z.string().min(1).default(DEFAULT_TEMPLATES[k])])) as Record<(typeof NOTICE_KINDS)[number], z.ZodDefault<z.ZodString>>).default(DEFAULT_TEMPLATES),
  })
  .superRefine((n, ctx) => {
    if (n.url !== undefined && n.secret === undefined) ctx.addIssue({ code: 'custom', path: ['secret'], message: 'a notices.url needs a signing secret: {"env": "<VARIABLE>"} or {"secretsManager": "<secret name or ARN>"}' });
    for (const kind of NOTICE_KINDS) {
      try {
        checkTemplate(kind, n.templates[kind]);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['templates', kind], message: (error as Error).message });
      }
    }
  })
  .default({ shop: DEFAULT_SHOP, templates: DEFAULT_TEMPLATES });

/**
 * The chat response standards (service-standards.md §10). Defaults from the seed §2.1: greet
 * within 30 s, answer each question within 60 s, counted on `presales-cs` on-duty time.
 */
const chat = z
  .strictObject({
    role: z.string().min(1).default('presales-cs'),
    greetingSeconds: positiveInt.default(30),
    replySeconds: positiveInt.default(60),
  })
  .default({ role: 'presales-cs', greetingSeconds: 30, replySeconds: 60 });

/**
 * Who a breach escalates to (service-standards.md §9, "处理不了的及时上报"): an ordered list of
 * roles; a breach goes to the first level on duty, else to the first level at its next shift.
 */
const escalation = z
  .strictObject({
    levels: z
      .array(z.string().min(1))
      .min(1, 'list at least one escalation level')
      .refine((levels) => new Set(levels).size === levels.length, { message: 'each role may be one escalation level only' }),
  })
  .default({ levels: ['supervisor', 'manager'] });

/**
 * Which items take a serial number (串号) per unit at packing when the item does not say
 * (`items[].serialized`, issue 28 item 6): SKU patterns, `*` for any run of characters, case-insensitive.
 */
const serialNumbers = z
  .strictObject({
    serializedSkus: z.array(z.string().regex(/^[A-Za-z0-9._*-]+$/, 'expected a SKU or a pattern with "*", e.g. "PHONE-*"')),
  })
  .default({ serializedSkus: ['PHONE-*', 'PAD-*'] });

/**
 * Who gets a role's new steps (issue 23, docs/people.md): per role, `round-robin` (default),
 * `least-open` or `none` (the pool), and where a person's open steps go when they go off duty:
 * `to-next` on-duty person (default) or `to-pool`.
 */
const assignment = z
  .record(
    z.string(),
    z.strictObject({
      rule: z.enum(['round-robin', 'least-open', 'none'], { error: 'expected "round-robin", "least-open" or "none"' }).default('round-robin'),
      handover: z.enum(['to-next', 'to-pool'], { error: 'expected "to-next" or "to-pool"' }).default('to-next'),
    }),
  )
  .default({});

const BUSINESS_KINDS = new Set(['business-minutes', 'business-minutes-or-next-on-duty-day-by', 'on-duty-day-by']);

export const policySchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1, { error: 'expected version 1' }),
    timeZone: z.string().refine(isTimeZone, { message: 'expected an IANA time zone such as "Asia/Shanghai"' }),
    warnAt: z.number().gt(0, 'expected a fraction above 0').lt(1, 'expected a fraction below 1'),
    roles: z.record(z.string().regex(/^[a-z][a-z-]*$/, 'role ids are lower-case words joined by "-"'), role),
    workingDays,
    pickup,
    caseRules,
    chat,
    escalation,
    serialNumbers,
    assignment,
    steps: z.record(z.string().regex(/^[a-z]+\.[a-z-]+$/, 'step ids look like "order.review"'), step),
    alarms: alarms.optional(),
    /** The couriers `order.dispatch` may name (§12 "Carriers"); default: SF (default, insured) and EMS. */
    carriers: carriersSchema,
    notices,
    /** Scorecards and quality checks (考核, 质检; docs/people.md); default: core/people/scorecard/assessment.ts. */
    assessment: assessmentSchema,
    /** Platform shops that push orders to `/connectors/<platform>/<shopId>` (docs/connectors.md). */
    connectors: connectorsSchema.optional(),
  })
  .superRefine((policy, ctx) => {
    if (Object.hasOwn(policy.roles, AUTOMATIC)) {
      ctx.addIssue({ code: 'custom', path: ['roles', AUTOMATIC], message: `"${AUTOMATIC}" is reserved for steps no person performs` });
    }
    if (!Object.hasOwn(policy.roles, policy.chat.role)) {
      ctx.addIssue({ code: 'custom', path: ['chat', 'role'], message: `unknown role "${policy.chat.role}" (roles: ${Object.keys(policy.roles).join(', ')})` });
    }
    for (const role of Object.keys(policy.assignment)) {
      if (!Object.hasOwn(policy.roles, role)) ctx.addIssue({ code: 'custom', path: ['assignment', role], message: `unknown role "${role}" (roles: ${Object.keys(policy.roles).join(', ')})` });
    }
    policy.escalation.levels.forEach((level, i) => {
      if (!Object.hasOwn(policy.roles, level)) {
        ctx.addIssue({ code: 'custom', path: ['escalation', 'levels', i], message: `unknown role "${level}" (roles: ${Object.keys(policy.roles).join(', ')})` });
      }
    });
    for (const [id, s] of Object.entries(policy.steps)) {
      const known = s.role === AUTOMATIC || Object.hasOwn(policy.roles, s.role);
      if (!known) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', id, 'role'],
          message: `unknown role "${s.role}" (roles: ${[...Object.keys(policy.roles), AUTOMATIC].join(', ')})`,
        });
      }
      const rules = s.rule.kind === 'by-fact' ? Object.entries(s.rule.cases).map(([k, r]) => [['rule', 'cases', k], r] as const) : [[['rule'], s.rule] as const];
      for (const [path, r] of rules) {
        if (BUSINESS_KINDS.has(r.kind) && s.role === AUTOMATIC) {
          ctx.addIssue({ code: 'custom', path: ['steps', id, ...path, 'kind'], message: `rule "${r.kind}" counts a role's on-duty time, so the step needs a role, not "automatic"` });
        }
      }
    }
    checkAlarmRoutes(policy, ctx);
  });

/** Every route names declared channels, and its literal ids name real event types, roles and steps. */
function checkAlarmRoutes(policy: { roles: Record<string, unknown>; steps: Record<string, unknown>; alarms?: z.output<typeof alarms> | undefined }, ctx: z.RefinementCtx): void {
  const known = {
    events: ALARM_DETAIL_TYPES,
    roles: [...Object.keys(policy.roles), AUTOMATIC],
    // Chat breaches name their standard (service-standards.md §10) where step alarms name a step.
    steps: [...Object.keys(policy.steps), 'chat.greeting', 'chat.reply'],
  };
  policy.alarms?.routes.forEach((route, i) => {
    route.channels.forEach((name, j) => {
      if (!Object.hasOwn(policy.alarms?.channels ?? {}, name)) {
        ctx.addIssue({ code: 'custom', path: ['alarms', 'routes', i, 'channels', j], message: `unknown channel "${name}" (channels: ${Object.keys(policy.alarms?.channels ?? {}).join(', ') || 'none'})` });
      }
    });
    for (const field of ['events', 'roles', 'steps'] as const) {
      route[field].forEach((p, j) => {
        if (!known[field].some((id) => matchesPattern(p, id))) {
          ctx.addIssue({ code: 'custom', path: ['alarms', 'routes', i, field, j], message: `"${p}" matches none of: ${known[field].join(', ')}` });
        }
      });
    }
  });
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export type PolicyInput = z.input<typeof policySchema>;
export type PolicyDocument = z.output<typeof policySchema>;
