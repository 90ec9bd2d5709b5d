/**
 * Call checklists (service-standards.md §12 "Call checklists"): the fixed points a verification call
 * confirms, each `confirmed` or `corrected` with the corrected value, required per step and outcome,
 * and for a quality claim the photos (1–9 references) and the "not man-made" confirmation.
 *
 * | step (outcome) | points | seed |
 * |---|---|---|
 * | `order.review` (`confirmed`) | contact, recipient, goods, delivery method | §3.1 l.348 |
 * | `cancel.verify` (`confirmed`) | contact, goods, payment account when paid | §3.2 l.426 |
 * | `return.verify`, `exchange.verify` (any) | contact, returner, goods, reason | §4.1 l.480, §4.2 l.544 |
 * | `return.verify` `quality`, `exchange.verify` `same-model` | + photos and "not man-made" | §4.1 l.492, §4.2 l.556 |
 * | `order.dispatch` of a priority order | courier confirmed same-day pickup | §2.4.4 l.306 |
 * | `order.hold-followup` (`followed-up`) | reached by chat, reached by phone | §2.4.3 l.266 |
 *
 * The zod schema is built from the step, the outcome and the case's facts; the API validates the
 * completion's `fields.checklist` and `fields.evidence` with it and the console's form with the same.
 */
import { z } from 'zod';
import type { Label } from './step-labels.ts';

export const CHECK_POINTS = {
  contact: { zh: '联系方式', en: 'Contact' },
  recipient: { zh: '收货人', en: 'Recipient' },
  goods: { zh: '商品', en: 'Goods' },
  deliveryMethod: { zh: '配送方式', en: 'Delivery method' },
  paymentAccount: { zh: '退款账户(银行、账号)', en: 'Payment account (bank, account number)' },
  returner: { zh: '退货人', en: 'Returner' },
  reason: { zh: '原因', en: 'Reason' },
  reachedByChat: { zh: '旺旺联系', en: 'Reached by chat' },
  reachedByPhone: { zh: '电话联系', en: 'Reached by phone' },
  courierSameDay: { zh: '快递已确认当天揽收', en: 'Courier confirmed same-day pickup' },
} as const satisfies Record<string, Label>;
export type CheckPoint = keyof typeof CHECK_POINTS;

/** The completion fields a checklist lives in (besides the step's own schema). */
export const CHECKLIST_FIELDS = ['checklist', 'evidence'] as const;

/** At most 9 photo references, as a listing accepts (§4.1 l.492 "拍照"). */
export const MAX_PHOTOS = 9;

interface ChecklistRule {
  /** The outcomes that need the checklist; `any` for every outcome; `none` for a step completed without one (`order.dispatch`). */
  outcomes: readonly string[] | 'any' | 'none';
  points: (facts: Record<string, unknown>) => readonly CheckPoint[];
  /** Outcomes that also need photos and "not man-made". */
  evidenceFor?: readonly string[];
}

const RULES: Readonly<Record<string, ChecklistRule>> = {
  'order.review': { outcomes: ['confirmed'], points: () => ['contact', 'recipient', 'goods', 'deliveryMethod'] },
  'cancel.verify': { outcomes: ['confirmed'], points: (facts) => (facts.paid === true ? ['contact', 'goods', 'paymentAccount'] : ['contact', 'goods']) },
  'return.verify': { outcomes: 'any', points: () => ['contact', 'returner', 'goods', 'reason'], evidenceFor: ['quality'] },
  'exchange.verify': { outcomes: 'any', points: () => ['contact', 'returner', 'goods', 'reason'], evidenceFor: ['same-model'] },
  // "如果到时没有付款,客服进行旺旺及电话跟进" (seed l.266)
  'order.hold-followup': { outcomes: ['followed-up'], points: () => ['reachedByChat', 'reachedByPhone'] },
  // "我已与物流部沟通,我们会在今天为您安排寄出" (seed l.308): only a priority order asks it (facts.priority).
  'order.dispatch': { outcomes: 'none', points: (facts) => (facts.priority === true ? ['courierSameDay'] : []) },
};

/** What a completion of `step` with `outcome` must confirm, given the case's facts; undefined when nothing. */
export function checklistOf(step: string, outcome: string | undefined, facts: Record<string, unknown>): { points: readonly CheckPoint[]; evidence: boolean } | undefined {
  const rule = RULES[step];
  if (rule === undefined) return undefined;
  if (rule.outcomes === 'none' ? outcome !== undefined : outcome === undefined || (rule.outcomes !== 'any' && !rule.outcomes.includes(outcome))) return undefined;
  const points = rule.points(facts);
  const evidence = outcome !== undefined && (rule.evidenceFor?.includes(outcome) ?? false);
  return points.length === 0 && !evidence ? undefined : { points, evidence };
}

/** The steps that have a checklist for some outcome. */
export function hasChecklist(step: string): boolean {
  return Object.hasOwn(RULES, step);
}

const corrected = z.string({ error: 'expected the corrected value as text' }).trim().min(1, 'the corrected value must not be empty').max(500, 'at most 500 characters');

/** One point: `{"status": "confirmed"}` (optionally with a `note`, e.g. the account read back) or `{"status": "corrected", "value": "<the corrected value>"}`. */
export const checkPoint = z.discriminatedUnion(
  'status',
  [z.strictObject({ status: z.literal('confirmed'), note: z.string({ error: 'expected a note as text' }).trim().min(1, 'a note must not be empty').max(500, 'at most 500 characters').optional() }), z.strictObject({ status: z.literal('corrected'), value: corrected })],
  { error: (issue) => (issue.input === undefined ? 'confirm or correct this point' : 'expected {"status": "confirmed"} or {"status": "corrected", "value": "…"}') },
);
export type CheckPointResult = z.infer<typeof checkPoint>;

const photo = z.string({ error: 'expected a photo reference as text' }).trim().min(1, 'a photo reference must not be empty').max(500, 'at most 500 characters');

/** The photos of a quality claim and the handler's confirmation that the fault is not man-made (非人为). */
export const evidenceSchema = z.strictObject({
  photos: z.array(photo, { error: 'expected photos as a list of references' }).min(1, 'attach at least one photo').max(MAX_PHOTOS, `at most ${MAX_PHOTOS} photos`),
  notManMade: z.literal(true, { error: 'confirm that the fault is not man-made (非人为), or choose the outcome damage' }),
});

/**
 * The schema of `{checklist, evidence}` for one completion: `checklist` lists exactly the required
 * points; `evidence` is required for a quality claim and refused elsewhere. Nothing required: both absent.
 */
export function checklistSchema(step: string, outcome: string | undefined, facts: Record<string, unknown>) {
  const rule = checklistOf(step, outcome, facts);
  const points = Object.fromEntries((rule?.points ?? []).map((p) => [p, checkPoint]));
  return z.strictObject({
    checklist: rule ? z.strictObject(points, { error: (issue) => (issue.input === undefined ? `is required: confirm or correct ${rule.points.join(', ')}` : 'expected an object of points') }) : z.undefined({ error: `${step} (${outcome ?? 'no outcome'}) has no checklist; leave it out` }).optional(),
    evidence: rule?.evidence ? evidenceSchema : z.undefined({ error: 'photos are only for a quality claim; leave evidence out' }).optional(),
  });
}

/** Words for the timeline's search: each point as "联系方式 confirmed" or "收货人 corrected: 李四". */
export function checklistText(checklist: Readonly<Record<string, CheckPointResult>>): string {
  return Object.entries(checklist)
    .map(([point, r]) => `${CHECK_POINTS[point as CheckPoint]?.zh ?? point} ${r.status}${r.status === 'corrected' ? `: ${r.value}` : ''}`)
    .join('; ');
}
