/**
 * The staff API's request and response shapes as zod: requests are validated with them, and the
 * OpenAPI document (`GET /openapi.json`) is generated from them.
 */
import { boardPeople, rosterGap } from './team-schemas.ts';
import { z } from 'zod';
import { CaseStatus, CaseType, LinkRelation } from '../../core/cases/case.ts';
import { StepStatus } from '../../core/cases/step.ts';
import { ChatGroupBy } from '../../core/chat/report.ts';
import { ReportGroupBy } from '../../core/reports/sla-report.ts';
import { COMPLAINT_CATEGORIES, COMPLAINT_LEVELS } from '../../core/complaints/kinds.ts';
import { parseDate } from '../../core/time/civil.ts';
import { deadNotices } from './notice-schemas.ts';
import { shipWaitView } from './ship-wait-view.ts';

/** A custom message for a present but invalid value; a missing field still reads "is required". */
const unlessMissing = (message: string) => (issue: { input?: unknown }): string => (issue.input === undefined ? 'is required' : message);

const text = z.string({ error: unlessMissing('must be text') }).trim().min(1, 'must not be empty');
const instant = z.iso.datetime({ offset: true, error: unlessMissing('must be an ISO-8601 time with an offset, e.g. 2025-03-03T10:00:00+08:00') });
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD (Asia/Shanghai)')
  .refine((text) => parseDate(text) !== undefined, 'is not a calendar date');

// ---- requests ----

/** `labels=` of the report routes: CSV column labels as ids (en) or in Chinese (zh, for Excel users). */
const csvLabels = z.enum(['en', 'zh'], { error: 'must be en or zh' }).default('en').describe('CSV column labels: ids (en) or Chinese (zh, for Excel users)');

export const completeBody = z.strictObject({
  outcome: text.optional().describe('required when the step has outcomes (see the step catalogue)'),
  fields: z.record(z.string(), z.unknown(), { error: 'must be an object' }).optional().describe('the step\'s completion fields'),
});

export const pauseBody = z.strictObject({
  reason: text.describe('why the clock stops, e.g. "customer asked to be called back"'),
  until: instant.optional().describe('resumes by itself at this time'),
});

/** An escalation reason longer than this is refused (400): a reason, not a report. */
export const MAX_ESCALATION_REASON = 500;

/** `POST /cases/{caseId}/steps/{step}/escalate` (service-standards.md §9: "处理不了的及时上报"). */
export const escalateBody = z.strictObject({
  reason: text.max(MAX_ESCALATION_REASON, `must be at most ${MAX_ESCALATION_REASON} characters`).describe('why the step cannot be handled at this level, e.g. "customer insists on a manager"'),
});

/** `POST /auth/login` (local home only, api.md). */
export const loginBody = z.strictObject({
  user: text.describe('the account name (npm run -s user -- add <name> …)'),
  password: z.string({ error: unlessMissing('must be text') }).min(1, 'must not be empty'),
});

export const caseListQuery = z.strictObject({
  type: z.enum(Object.values(CaseType), { error: unlessMissing(`must be one of ${Object.values(CaseType).join(', ')}`) }).optional(),
  status: z.enum(Object.values(CaseStatus), { error: unlessMissing(`must be one of ${Object.values(CaseStatus).join(', ')}`) }).optional(),
  orderId: text.max(128, 'must be at most 128 characters').optional(),
  from: day.optional().describe('opened on or after this day (Asia/Shanghai)'),
  to: day.optional().describe('opened on or before this day (Asia/Shanghai)'),
  step: text.max(64, 'must be at most 64 characters').optional().describe('cases with this step open now (a step id of the catalogue)'),
  role: text.max(64, 'must be at most 64 characters').optional().describe('cases with a step open now for this role'),
  limit: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be 1 to 100').max(100, 'must be 1 to 100').optional(),
  nextToken: text.max(2_048, 'must be at most 2048 characters').optional(),
});

/** `GET /search?q=`: the header's search box. */
export const searchQuery = z.strictObject({
  q: text.max(64, 'must be at most 64 characters').describe('a case id, order number, tracking number, the last 4 digits of the customer\'s phone, or the customer\'s name'),
});

export const reportQuery = z.strictObject({
  from: day.optional().describe('first day, inclusive; default: 6 days before `to`'),
  to: day.optional().describe('last day, inclusive; default: today (Asia/Shanghai)'),
  groupBy: z.enum(Object.values(ReportGroupBy), { error: unlessMissing(`must be one of ${Object.values(ReportGroupBy).join(', ')}`) }).default('step'),
  labels: csvLabels,
});

/** `GET /reports/chat`: without `from`/`to`, the last 7 days of the policy's zone (api.md). */
export const chatReportQuery = z.strictObject({
  from: day.optional().describe('first day, inclusive (default: 6 days before `to`)'),
  to: day.optional().describe('last day, inclusive (default: today)'),
  groupBy: z.enum(Object.values(ChatGroupBy), { error: unlessMissing(`must be one of ${Object.values(ChatGroupBy).join(', ')}`) }).default('agent'),
  labels: csvLabels,
});

// ---- responses ----

export const fieldIssue = z.object({
  path: z.string().describe('the field, e.g. body.fields.invoiceNo'),
  code: z.string().describe('stable: required, invalid_type, invalid_value, too_small, too_big, unrecognized_keys, not_allowed, custom'),
  message: z.string().describe('the same in English'),
  options: z.array(z.string()).optional().describe('the allowed values'),
  expected: z.string().optional().describe('the expected type'),
});
export const errorBody = z.object({
  error: z.object({
    code: z.string().describe('stable error name'),
    message: z.string().describe('what was wrong, naming the field'),
    details: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('facts of some errors, e.g. NoReasonWindowClosed: `{endsAt, deliveredAt, days}` (endsAt in Beijing time)'),
    fields: z.array(fieldIssue).optional().describe('400 InvalidRequest: each field\'s issue, for a client to word in its language'),
  }),
});

const currentPause = z.object({ from: instant, reason: z.string(), until: instant.optional(), by: z.string().optional() });
const pause = z.object({ from: instant, to: instant, reason: z.string(), by: z.string().optional() });
export const escalation = z.object({
  role: z.string().describe('the escalation level\'s role, e.g. `supervisor`'),
  level: z.number().int().positive().describe('1 for the first of the policy\'s `escalation.levels`'),
  at: instant,
  seenAt: instant.describe('when the level is on duty to see it: `at` when on duty then, else its next shift start'),
  reason: z.string().nullable().describe('a hand escalation\'s reason; null for a breach'),
  by: z.string().nullable().describe('who escalated by hand; null for a breach'),
  atWarning: z.literal(true).optional().describe('escalated at its warning, as an urgent complaint is (service-standards.md §12); absent otherwise'),
});

/** Order steps before the pickup (service-standards.md §2 "Batch targets"); null on every other step. */
const batchFields = {
  plannedPickupAt: instant.nullable().describe('the planned pickup batch, from the moment the order was ready to ship (max(placedAt, paidAt))'),
  batchTargetAt: instant.nullable().describe('the latest completion that still makes the planned batch (policy pickup.stepShares, wall-clock)'),
  atRiskAt: instant.nullable().describe('when the step passed its batch target still open (PickupAtRisk)'),
};

export const stepView = z.object({
  step: z.string(),
  attempt: z.number().int(),
  role: z.string(),
  status: z.enum(Object.values(StepStatus)),
  openedAt: instant,
  due: instant.nullable(),
  warnAt: instant.nullable(),
  /** True when `due` counts a year whose holiday schedule (调休) is not published yet: it may still move. */
  provisional: z.boolean(),
  warnedAt: instant.nullable(),
  breachedAt: instant.nullable(),
  ...batchFields,
  escalatedTo: escalation.nullable().describe('the latest escalation (service-standards.md §9); null when never escalated'),
  pauses: z.array(pause),
  pausedNow: currentPause.nullable(),
  completedAt: instant.nullable(),
  completedBy: z.string().nullable(),
  assignedTo: z.string().optional().describe('the person who holds the step (issue 23); absent in the role\'s pool'),
  onTime: z.boolean().nullable(),
  outcome: z.string().nullable(),
  fields: z.record(z.string(), z.unknown()).nullable(),
});

export const stepActionResult = stepView.extend({ caseId: z.string(), caseType: z.enum(Object.values(CaseType)) });

export const caseView = z.object({
  id: z.string(),
  type: z.enum(Object.values(CaseType)),
  status: z.enum(Object.values(CaseStatus)),
  orderId: z.string().nullable(),
  openedAt: instant,
  closedAt: instant.nullable(),
  readyAt: instant.nullable().describe('orders: when the order became ready to ship, max(placedAt, paidAt); null while unpaid and on other cases'),
  data: z.record(z.string(), z.unknown()).describe('the case\'s facts; phone numbers partly masked (138****0000)'),
  links: z.array(z.object({ caseId: z.string(), caseType: z.enum(Object.values(CaseType)), relation: z.enum(Object.values(LinkRelation)), linkedAt: instant })),
  steps: z.array(
    stepView.extend({
      deadlineExplanation: z
        .object({ zh: z.array(z.string()), en: z.array(z.string()) })
        .nullable()
        .describe('how the deadline was computed, line by line, by the deadline engine; null when the policy cannot say'),
    }),
  ),
  timeline: z.array(z.object({ id: z.string(), at: instant, kind: z.string(), step: z.string().optional(), by: z.string().optional(), detail: z.record(z.string(), z.unknown()).optional() })),
  noReasonWindow: z
    .object({
      endsAt: instant.describe('24:00 of the last day of the window (Beijing time), exclusive'),
      open: z.boolean().describe('whether a no-reason outcome is allowed now'),
      deliveredAt: instant.describe('when the customer signed; the window counts from the next day'),
      days: z.number().int(),
    })
    .optional()
    .describe('returns and exchanges of a delivered order: the 7-day no-reason window (service-standards.md §5–§6); absent before delivery (no window yet)'),
  complaint: z
    .object({
      category: z.enum(COMPLAINT_CATEGORIES).nullable().describe('refund-dispute (退款纠纷), quality, logistics, attitude, other; null until someone says'),
      level: z.enum(COMPLAINT_LEVELS).describe('normal or urgent (shorter limits, escalates at warning)'),
    })
    .optional()
    .describe('complaints: the kind now — set or corrected at complaint.acknowledge over what complaint.filed said (service-standards.md §12)'),
  waiting: shipWaitView.nullable().optional().describe('orders: what the order waits for before packing (service-standards.md §12); null when nothing'),
  stockOut: z.boolean().optional().describe('orders: tagged by a stock-out of one of its SKUs not yet cleared by stock.received'),
});

export const caseSummary = caseView.pick({ id: true, type: true, status: true, orderId: true, openedAt: true, closedAt: true });
export const casesPage = z.object({ items: z.array(caseSummary), nextToken: z.string().optional() });

/** What a search matched on; `case`/`order` are direct reads, the others lookup entries (core/cases/search.ts). */
export const SearchMatch = ['case', 'order', 'phone4', 'name', 'tracking'] as const;
export const searchHit = caseSummary.extend({
  customer: z.object({ name: z.string().nullable(), phone: z.string().nullable() }).nullable().describe('masked: 王*, 137****0000'),
  matchedBy: z.array(z.enum(SearchMatch)),
});
export const contactReveal = z.object({
  caseId: z.string(),
  phone: z.string().describe('the customer\'s full phone number'),
  revealedBy: z.string(),
  revealedAt: z.string().describe('ISO-8601 in the policy\'s zone; the same moment is on the timeline as contact.revealed'),
});
export const searchResult = z.object({
  items: z.array(searchHit).describe('newest first, at most 50'),
  truncated: z.boolean().describe('more cases matched than listed: narrow the search'),
});

/** A name in zh-CN (the console's default) and English. */
export const label = z.object({ zh: z.string(), en: z.string() });

export const queueItem = z.object({
  caseId: z.string(),
  caseType: z.enum(Object.values(CaseType)),
  step: z.string(),
  stepLabel: label.describe('the step\'s name, e.g. {"zh": "订单审核", "en": "Order review"}'),
  attempt: z.number().int(),
  role: z.string(),
  openedAt: instant,
  due: instant.nullable(),
  warnAt: instant.nullable(),
  /** True when `due` counts a year whose holiday schedule (调休) is not published yet: it may still move. */
  provisional: z.boolean(),
  status: z.enum([StepStatus.open, StepStatus.paused, StepStatus.warned, StepStatus.breached]),
  escalatedTo: escalation.nullable().describe('the latest escalation (service-standards.md §9); null when never escalated'),
  facts: z.record(z.string(), z.string()).optional().describe('the case facts the deadline was chosen by, e.g. {"level": "urgent"} for an urgent complaint; absent when none'),
  ...batchFields,
  batchTargetRemainingMinutes: z
    .number()
    .int()
    .nullable()
    .describe('wall-clock minutes left before batchTargetAt (negative once passed); null without a batch target'),
  remainingOnDutyMinutes: z
    .number()
    .int()
    .nullable()
    .describe('whole on-duty minutes of the role\'s shifts left before due (frozen while paused); negative once breached; null without a deadline'),
  onDutyNow: z.boolean().describe('the step\'s role is on shift now (policy calendar)'),
  countingResumesAt: instant.nullable().describe('when the clock counts again: the next shift start when off duty, or a timed pause\'s end; null while counting'),
  pausedNow: currentPause.nullable().describe('the pause in progress, with its reason'),
  stockOut: z.boolean().describe('a stock-out of one of the order\'s SKUs tagged it and no stock.received has cleared it yet (service-standards.md §12)'),
  waiting: shipWaitView.nullable().describe('an order waiting before packing (pre-sale ship date or stock); null otherwise'),
  priority: z.boolean().optional().describe('true when the order was marked priority (service-standards.md §12): its steps sort first'),
  assignedTo: z.string().optional().describe('the person who holds the step (issue 23); absent in the role\'s pool'),
});
export const queue = z.object({
  items: z.array(queueItem),
  rosterGaps: z.array(rosterGap).optional().describe('issue 23: parts of today\'s hours of the caller\'s roles that have a roster but nobody rostered'),
  nextToken: z.string().optional().describe('issue 27: present when `limit` cut the queue; ask again with it for the next page'),
});

const reportFigures = z.object({
  count: z.number().int(),
  onTime: z.number().int(),
  onTimePct: z.number().nullable(),
  p50Minutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
  p50OnDutyMinutes: z.number().nullable(),
  p90OnDutyMinutes: z.number().nullable(),
  breaches: z.number().int(),
  openBreaches: z.number().int(),
  completed: z.number().int().describe('steps completed (count = completed + openBreaches)'),
  open: z.number().int(),
});
export const slaReportBody = z.object({
  from: day,
  to: day,
  groupBy: z.enum(Object.values(ReportGroupBy)),
  rows: z.array(reportFigures.extend({ group: z.string() })),
  total: reportFigures,
});

const boardCounts = z.object({ role: z.string(), step: z.string(), open: z.number().int(), warned: z.number().int(), breached: z.number().int(), paused: z.number().int() });
const lateStep = z.object({ caseId: z.string(), step: z.string(), due: instant.nullable(), breachedAt: instant.nullable() });
export const board = z.object({
  asOf: instant.describe('the platform\'s now'),
  day: day.describe('today in the policy zone'),
  now: z.array(boardCounts).describe('active steps per role and step; `open` counts those neither warned, breached nor paused'),
  escalated: z.array(queueItem).describe('open escalated steps of every escalation level, by level (1 first), then soonest due'),
  pickupsDue: z.array(lateStep).describe('parcels whose planned batch time has come but that no pickup run has handed over yet (`order.pickup`, not breached): what the courier should take now'),
  missedPickups: z.array(lateStep).describe('parcels a pickup run found past their planned batch (`order.pickup` breached)'),
  overdueRefunds: z.array(lateStep).describe('refunds past their arrival deadline (`refund.settle`)'),
  today: z.array(reportFigures.extend({ group: z.string() })).describe('on-time figures per step of the steps closed today'),
  deadNotices,
  team: boardPeople.optional().describe('issue 23: per person the active steps they hold (open, warned, breached) and who is on duty now; absent without people'),
});

export const pickupRun = z.object({
  batchId: z.string(),
  ranAt: instant,
  skipped: z.literal('not-a-pickup-day').optional(),
  handedOver: z.array(z.object({ caseId: z.string(), plannedAt: instant.nullable(), missed: z.boolean() })),
});

/** `GET /pickups`: the parcels waiting for the courier, what `POST /pickups/run` would hand over now. */
export const pickupsWaiting = z.object({
  asOf: instant.describe('the platform\'s now'),
  parcels: z.array(
    z.object({
      caseId: z.string(),
      orderId: z.string().nullable(),
      plannedAt: instant.nullable().describe('the planned pickup batch'),
      state: z.enum(['waiting', 'due', 'missed']).describe('`waiting`: its batch is still ahead; `due`: its batch time has come, no run yet; `missed`: a run passed it (breached)'),
      carrier: z.string().nullable(),
      trackingNo: z.string().nullable(),
    }),
  ),
});

export const loginResult = z.object({
  token: z.string().describe('a bearer token for the staff API, the same kind `npm run token` prints'),
  expiresAt: instant.describe('when the token stops being accepted'),
});

export const policyQuery = z.strictObject({
  year: z.coerce
    .number({ error: 'must be a year, e.g. 2026' })
    .int('must be a whole year')
    .min(2000, 'must be from 2000 to 2100')
    .max(2100, 'must be from 2000 to 2100')
    .optional()
    .describe('the year of `workingDays`; default: this year (Asia/Shanghai)'),
});

const timeOfDay = z.string().describe('HH:MM in the policy\'s zone');
const shiftView = z.object({ from: timeOfDay, to: timeOfDay, overnight: z.boolean().describe('ends the next day') });

export const policyView = z.object({
  timeZone: z.string(),
  warnFraction: z.number().describe('the default warning point of business-time rules, as a fraction of the budget'),
  roles: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      name: label.describe('the role\'s name, zh from the policy label'),
      week: z.array(z.object({ weekday: z.enum(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']), shifts: z.array(shiftView) })).describe('weekly shifts, Sunday first'),
      exceptions: z.array(z.object({ date: day, shifts: z.array(shiftView), note: z.string().nullable() })).describe('dates of `year` whose shifts differ'),
    }),
  ),
  workingDays: z.object({
    year: z.number().int(),
    holidayData: z.boolean().describe('false: no published holiday schedule for this year — plain Monday–Friday is assumed, and deadlines counted in it may move'),
    days: z.array(
      z.object({
        date: day,
        weekday: z.enum(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']),
        kind: z.enum(['workday', 'weekend', 'holiday', 'adjusted-workday']).describe('adjusted-workday: a weekend day worked to bridge a holiday (调休)'),
        working: z.boolean(),
        name: z.string().nullable().describe('the holiday\'s name'),
        pickup: z.boolean().describe('the courier collects that day'),
      }),
    ),
  }),
  pickup: z.object({
    batches: z.array(z.object({ at: timeOfDay, ordersBefore: timeOfDay })),
    leadMinutes: z.number().int().describe('an order ready less than this before a batch goes with the following one (service-standards.md §2)'),
    stepShares: z.record(z.string(), z.number().int()).describe('minutes each order step needs before the batch; batch targets are planned backward with them'),
  }),
  steps: z.array(
    z.object({
      id: z.string(),
      label,
      role: z.string(),
      scope: z.enum(['step', 'case']),
      rule: z.record(z.string(), z.unknown()).describe('the policy\'s rule object (times of day in minutes)'),
      ruleText: label.describe('the deadline rule in words'),
      description: z.string(),
    }),
  ),
  serialNumbers: z
    .object({ serializedSkus: z.array(z.string()).describe('SKU patterns (`*`: any characters) whose units take a serial number at packing when an item does not say `serialized`') })
    .describe('which order items take one serial number (串号) per unit in `order.pack` (issue 28 item 6)'),
  carriers: z
    .array(z.object({ id: z.string(), label, default: z.boolean(), insured: z.boolean().describe('parcels sent with it are insured (保价)'), note: z.string().nullable() }))
    .describe('the couriers `order.dispatch` may name (service-standards.md §12); another is refused with 400 naming `body.fields.carrier`'),
});

export const accepted = z.object({
  caseId: z.string().nullable().describe('the case the event opened or concerned; for stock.received the first stock-out case it ended, or null'),
  status: z.literal('accepted'),
  sku: z.string().optional().describe('stock.received: the SKU received'),
  qty: z.number().int().optional().describe('stock.received: the units received'),
  clearedStockOuts: z.array(z.string()).optional().describe('stock.received: the stock-out cases it ended (their orders lose the stockOut tag)'),
  releasedOrders: z.array(z.string()).optional().describe('stock.received: the backorder cases it released to packing, oldest placement first (service-standards.md §12)'),
});
export const health = z.object({ ok: z.literal(true) });

/** One row of `GET /reports/chat` (service-standards.md §10): seconds are on-duty seconds. */
export const chatReportItem = z.object({
  key: z.string().describe('agent id (or `unassigned`), day `YYYY-MM-DD` or hour `YYYY-MM-DD HH:00` in the policy zone'),
  conversations: z.number().int(),
  customerMessages: z.number().int(),
  greetingWithinPct: z.number().nullable(),
  replyWithinPct: z.number().nullable(),
  firstReplyP50Seconds: z.number().nullable(),
  firstReplyP90Seconds: z.number().nullable(),
  replyP50Seconds: z.number().nullable(),
  replyP90Seconds: z.number().nullable(),
  longestWaitSeconds: z.number().nullable(),
  breaches: z.number().int(),
});

const rateFigure = z.object({ counted: z.number().int(), within: z.number().int(), pct: z.number().nullable() });
/** The marketplaces' own measures per agent (core/chat/marketplaces.ts; docs/people.md "Marketplace measures"). */
const marketplaceRow = z.object({
  agent: z.string(),
  taobao3MinResponse: rateFigure.describe('Taobao 旺旺3分钟人工响应率: rounds asked in the shop\'s service hours answered by an agent within 180 s'),
  jd30sResponse: rateFigure.describe('JD 30秒应答率: sessions begun 09:00–23:00 whose first question an agent answered within 30 s'),
  pdd1hValidReply: rateFigure.describe('Pinduoduo 有效回复率: consumer-days (08:00–23:00) with every question answered within 1 h'),
});
export const chatReport = z.object({ from: day, to: day, groupBy: z.enum(Object.values(ChatGroupBy)), items: z.array(chatReportItem), marketplaces: z.array(marketplaceRow) });
