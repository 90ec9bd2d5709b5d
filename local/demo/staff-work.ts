/**
 * How the simulated staff do each step: how long the work takes (minutes, once picked up), which
 * outcome they choose how often, and the fields a completion carries (api.md). Outcomes and
 * fields must satisfy the step catalogue — the staff API rejects anything else, and the demo
 * treats a rejection as a bug.
 */
import { checklistOf } from '../../core/lifecycles/checklists.ts';
import type { Random } from './random.ts';

export interface WorkContext {
  caseId: string;
  random: Random;
  /** Units of the order that take a serial (串号) at packing (core/lifecycles/serialized-units.ts); read from the case for order.pack and order.crm-bind. */
  serializedUnits?: number;
  /** The case's facts as the API shows them, for the call checklists (a paid cancellation asks for the account). */
  facts?: Record<string, unknown>;
}

export interface StepWork {
  /** Minutes of work once a staff member picks the step up: [shortest, longest]. */
  minutes: readonly [number, number];
  outcomes?: readonly (readonly [string, number])[];
  fields?: (outcome: string | undefined, ctx: WorkContext) => Record<string, unknown>;
}

const serial = (ctx: WorkContext): string => `SN${ctx.caseId.replace(/[^0-9A-Za-z]/g, '').slice(-10).toUpperCase()}`;
/** One serial per serialized unit (a phone, not its case): the first is `serial(ctx)`, the one crm-bind binds. */
const serials = (ctx: WorkContext): string[] => Array.from({ length: ctx.serializedUnits ?? 1 }, (_, i) => (i === 0 ? serial(ctx) : `${serial(ctx)}-${i + 1}`));

/** Where the demo's customers with goods damaged by use are referred (seed l.496 "可以帮您联系维修中心"). */
const REPAIR_REFERRAL = { centre: '南宁华为授权维修中心 Nanning authorised repair centre', note: '已约明天上午送修' };
/** The demo's suppliers, who collect damaged stock on Mondays (seed l.510 "联系供应商分批取货"). */
const SUPPLIERS = [['华为广西代理 Huawei Guangxi', 3], ['小米南宁仓 Xiaomi Nanning', 2]] as const;

export const STAFF_WORK: Readonly<Record<string, StepWork>> = {
  'order.payment': { minutes: [2, 8], outcomes: [['reminded', 1]] },
  // The hold ended unpaid: chat and phone (seed l.266), each a checklist point.
  'order.hold-followup': { minutes: [3, 10], outcomes: [['followed-up', 1]] },
  'order.review': { minutes: [2, 8], outcomes: [['confirmed', 95], ['callback', 3], ['cancelled', 2]] },
  'order.pack': { minutes: [4, 15], fields: (_, ctx) => ({ serialNumbers: serials(ctx), invoiceNo: `INV-${ctx.random.int(100000, 999999)}` }) },
  'order.crm-bind': { minutes: [1, 5], fields: (_, ctx) => ({ bindings: ctx.random.chance(0.7) && serials(ctx).length > 0 ? [{ serial: serial(ctx), planId: ctx.random.weighted([['PLAN-5G-128', 3], ['PLAN-5G-199', 1]]) }] : [] }) },
  'order.dispatch': { minutes: [0.5, 2.5], fields: (_, ctx) => ({ carrier: ctx.random.weighted([['SF', 3], ['EMS', 1]]), trackingNo: `T${ctx.random.int(10 ** 9, 10 ** 10 - 1)}` }) },
  'cancel.verify': { minutes: [4, 15], outcomes: [['confirmed', 85], ['withdrawn', 15]] },
  'cancel.retrieve': { minutes: [5, 20] },
  'return.verify': {
    minutes: [5, 18],
    outcomes: [['insist', 60], ['quality', 30], ['damage', 10]],
    fields: (outcome, ctx) => (outcome === 'quality' ? { exchangeTaken: ctx.random.chance(0.3) } : outcome === 'damage' ? { repairReferral: REPAIR_REFERRAL } : {}),
  },
  'return.inspect': {
    minutes: [10, 25],
    outcomes: [['passed', 90], ['failed', 10]],
    // Goods with a quality problem go into damaged stock (报损库) for their supplier to collect (§12 "Side flows").
    fields: (outcome, ctx) => (outcome === 'failed' ? { notes: '屏幕有人为损坏 screen damaged by the customer' } : ctx.random.chance(0.5) ? { damagedStock: { supplier: ctx.random.weighted(SUPPLIERS) } } : {}),
  },
  'return.refund': { minutes: [2, 8] },
  'return.crm-unbind': { minutes: [2, 8], fields: (_, ctx) => ({ deductedAmount: ctx.random.chance(0.4) ? ctx.random.int(10, 120) : 0 }) },
  'exchange.verify': { minutes: [5, 18], outcomes: [['same-model', 50], ['no-reason', 30], ['other-model', 10], ['damage', 10]], fields: (outcome) => (outcome === 'damage' ? { repairReferral: REPAIR_REFERRAL } : {}) },
  'exchange.crm-unbind': { minutes: [2, 8], fields: () => ({ deductedAmount: 0 }) },
  'exchange.inspect': { minutes: [10, 25], outcomes: [['passed', 92], ['failed', 8]], fields: (outcome, ctx) => (outcome === 'passed' && ctx.random.chance(0.5) ? { damagedStock: { supplier: ctx.random.weighted(SUPPLIERS) } } : {}) },
  'aftersales.repair-followup': { minutes: [3, 10], fields: () => ({ notes: '已联系维修中心,客户已送修 the customer took it in for repair' }) },
  'stock.supplier-collect': { minutes: [20, 60] },
  'complaint.acknowledge': { minutes: [5, 30] },
  'complaint.investigate': { minutes: [30, 150] },
  'complaint.resolve': {
    minutes: [20, 120],
    outcomes: [['upheld', 60], ['not-upheld', 40]],
    fields: (outcome, ctx) => (outcome === 'upheld' ? { remedy: ctx.random.weighted([['compensation', 5], ['refund', 3], ['reship', 2]]) } : { explanation: '物流延误属快递公司责任 the courier caused the delay' }),
  },
  'complaint.callback': { minutes: [5, 15], fields: (_, ctx) => ({ score: ctx.random.weighted([[5, 5], [4, 3], [3, 1], [2, 0.5], [1, 0.5]]) }) },
  'stock.supplier-contact': { minutes: [3, 12] },
  'stock.notify-cs': { minutes: [2, 6] },
  'stock.reassure': { minutes: [5, 20], fields: () => ({ notes: '已逐一联系客户说明到货时间 called each customer with the restock date' }) },
};

/** The completion body for a step: an outcome drawn from the table and its fields. */
export function completionFor(step: string, ctx: WorkContext): { outcome?: string; fields?: Record<string, unknown> } {
  const work = STAFF_WORK[step];
  if (!work) throw new Error(`the demo's staff do not know how to do ${step}`);
  const outcome = work.outcomes ? ctx.random.weighted(work.outcomes) : undefined;
  const fields = { ...(work.fields?.(outcome, ctx) ?? {}), ...checklistFor(step, outcome, ctx) };
  return { ...(outcome !== undefined ? { outcome } : {}), ...(Object.keys(fields).length ? { fields } : {}) };
}

/** Corrections the simulated callers make now and then (service-standards.md §12 "Call checklists"). */
const CORRECTIONS: Readonly<Record<string, string>> = {
  contact: '138****1234(客户更换了号码)',
  recipient: '李四(本人不在家,家人代收)',
  goods: '改为黑色 128G',
  deliveryMethod: '改送公司地址',
  paymentAccount: '中国银行 6217 **** 0001',
  returner: '王芳本人',
  reason: '屏幕有亮点',
  reachedByChat: '旺旺未回复',
  reachedByPhone: '电话未接通,已留言',
  courierSameDay: '顺丰改为 17:00 批次上门',
};

/** The call's checklist: each point confirmed, one in twelve corrected; a quality claim's photos. */
function checklistFor(step: string, outcome: string | undefined, ctx: WorkContext): Record<string, unknown> {
  const rule = checklistOf(step, outcome, ctx.facts ?? {});
  if (rule === undefined) return {};
  const checklist = Object.fromEntries(rule.points.map((p) => [p, ctx.random.chance(1 / 12) ? { status: 'corrected', value: CORRECTIONS[p] ?? '已更正' } : { status: 'confirmed' }]));
  const photos = Array.from({ length: ctx.random.int(1, 4) }, (_, i) => `IMG-${ctx.caseId.slice(-6)}-${i + 1}.jpg`);
  return { checklist, ...(rule.evidence ? { evidence: { photos, notManMade: true } } : {}) };
}
