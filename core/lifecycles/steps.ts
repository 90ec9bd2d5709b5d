/**
 * The step catalogue: for every step id of service-standards.md, its case type, who completes
 * it, the outcomes it may end with and the fields a completion must carry (api.md). Deadlines
 * and roles live in the policy; this is what the work itself looks like.
 */
import { z } from 'zod';
import type { CaseType } from '../cases/case.ts';
import { complaintCategory, complaintLevel } from '../complaints/kinds.ts';
import { damagedStock, deductedAmount, repairReferral } from '../aftersales/side-flows.ts';

/** Who completes a step: staff through the API, the storefront through a webhook, or the platform itself. */
export type CompletedBy = 'staff' | 'webhook' | 'system';

export interface StepSpec {
  caseType: CaseType;
  completedBy: CompletedBy;
  /** The outcomes a completion must choose from; empty when the step has no outcome. */
  outcomes: readonly string[];
  /** Validates `fields` of a completion (given the outcome). */
  fields: z.ZodType<Record<string, unknown>>;
}

const text = (what: string) => z.string({ error: `expected ${what} as text` }).trim().min(1, `${what} must not be empty`);
const none = z.strictObject({});
const notes = z.strictObject({ notes: text('notes').optional() });
/** An inspection that puts the goods into damaged stock (报损库) names their supplier (§12 "Side flows"). */
const inspectFields = z.strictObject({ damagedStock: damagedStock.optional(), notes: text('notes').optional() });

export const REMEDIES = ['refund', 'reship', 'compensation'] as const;

const spec = (caseType: CaseType, completedBy: CompletedBy, outcomes: readonly string[], fields: z.ZodType<Record<string, unknown>> = notes): StepSpec => ({
  caseType,
  completedBy,
  outcomes,
  fields,
});

export const STEPS = {
  /** `held`: both approvals of a hold agreed (set by the hold route, never by a completion, §12 Holds). */
  'order.payment': spec('order', 'staff', ['reminded', 'paid', 'held']),
  /** Holds (service-standards.md §12): the supervisor's (attempt 1) and the manager's (attempt 2) decision, through `POST /cases/{caseId}/hold/approve`. */
  'order.hold-approve': spec('order', 'staff', ['approved', 'refused']),
  /** Unpaid when the hold ended: followed up by chat and phone (a checklist); order.paid completes it with outcome `paid`. */
  'order.hold-followup': spec('order', 'staff', ['followed-up', 'paid']),
  'order.review': spec(
    'order',
    'staff',
    ['confirmed', 'callback', 'cancelled'],
    z.strictObject({
      /** For `callback`: the agreed time to call again (default: now + the policy's callback delay). */
      callbackAt: z.iso.datetime({ offset: true, error: 'callbackAt: expected an ISO-8601 time with offset' }).optional(),
      notes: text('notes').optional(),
    }),
  ),
  'order.pack': spec(
    'order',
    'staff',
    [],
    z.strictObject({
      /** One per unit of a serialized item, in item order; empty when nothing is serialized (core/lifecycles/completion-facts.ts counts them). */
      serialNumbers: z.array(text('a serial number'), { error: 'expected serialNumbers as a list' }),
      invoiceNo: text('invoiceNo'),
    }),
  ),
  'order.crm-bind': spec(
    'order',
    'staff',
    [],
    z.strictObject({
      bindings: z.array(z.strictObject({ serial: text('serial'), planId: text('planId') }), { error: 'expected bindings as a list' }),
    }),
  ),
  'order.dispatch': spec('order', 'staff', [], z.strictObject({ carrier: text('carrier'), trackingNo: text('trackingNo') })),
  'order.pickup': spec('order', 'system', [], none),
  'order.delivery': spec('order', 'webhook', [], none),
  /** A pre-sale order waits for its `shipFrom` (service-standards.md §12); the platform ends the wait. */
  'order.presale-wait': spec('order', 'system', [], none),
  /** A backorder waits for `stock.received` of its SKUs (§12). */
  'order.backorder-wait': spec('order', 'webhook', [], none),
  'cancel.verify': spec('cancellation', 'staff', ['confirmed', 'withdrawn']),
  /** A cancelled order's parcel was dispatched but not yet picked up: the picker takes it back before the refund. */
  'cancel.retrieve': spec('cancellation', 'staff', []),
  'cancel.refund': spec('cancellation', 'system', [], none),
  'refund.settle': spec('cancellation', 'webhook', [], none),
  'return.verify': spec('return', 'staff', ['quality', 'insist', 'damage'], z.strictObject({
    /** For `quality`: the customer takes the offered exchange (the case becomes an exchange). */
    exchangeTaken: z.boolean({ error: 'exchangeTaken: expected true or false' }).optional(),
    /** For `damage` (and only then): the repair centre the customer was referred to (§12 "Side flows"). */
    repairReferral: repairReferral.optional(),
    notes: text('notes').optional(),
  })),
  'return.receive': spec('return', 'webhook', [], none),
  'return.inspect': spec('return', 'staff', ['passed', 'failed'], inspectFields),
  'return.refund': spec('return', 'staff', []),
  /** The yuan deducted for benefits already used (seed l.526 "并扣除相应的使用掉的款项"): required, 0 when none. */
  'return.crm-unbind': spec('return', 'staff', [], z.strictObject({ deductedAmount, notes: text('notes').optional() })),
  'exchange.verify': spec('exchange', 'staff', ['same-model', 'no-reason', 'other-model', 'damage'], z.strictObject({ repairReferral: repairReferral.optional(), notes: text('notes').optional() })),
  /** Deducted only when the old plan is given up (seed l.590 "如退掉之前的则扣除"): optional. */
  'exchange.crm-unbind': spec('exchange', 'staff', [], z.strictObject({ deductedAmount: deductedAmount.optional(), notes: text('notes').optional() })),
  'exchange.receive': spec('exchange', 'webhook', [], none),
  'exchange.inspect': spec('exchange', 'staff', ['passed', 'failed'], inspectFields),
  /** A damage outcome's repair referral, followed up (§12 "Side flows"); for returns and exchanges alike. */
  'aftersales.repair-followup': spec('return', 'staff', []),
  'complaint.acknowledge': spec(
    'complaint',
    'staff',
    [],
    /** The handler sets or corrects the complaint's kind (§12 "Complaint kinds"); a corrected level applies to the steps after. */
    z.strictObject({ category: complaintCategory.optional(), level: complaintLevel.optional(), notes: text('notes').optional() }),
  ),
  'complaint.investigate': spec('complaint', 'staff', []),
  'complaint.resolve': spec(
    'complaint',
    'staff',
    ['upheld', 'not-upheld'],
    z.strictObject({
      remedy: z.enum(REMEDIES, { error: `remedy: expected one of ${REMEDIES.join(', ')}` }).optional(),
      explanation: text('explanation').optional(),
      notes: text('notes').optional(),
    }),
  ),
  'complaint.callback': spec(
    'complaint',
    'staff',
    [],
    z.strictObject({ score: z.number({ error: 'score: expected a number from 1 to 5' }).int('score: expected a whole number').min(1, 'score: expected 1 to 5').max(5, 'score: expected 1 to 5'), notes: text('notes').optional() }),
  ),
  'stock.supplier-contact': spec('stock', 'staff', []),
  'stock.notify-cs': spec('stock', 'staff', []),
  /** The supplier collected the goods waiting in damaged stock (报损库); `collected` lists the cases whose goods went. */
  'stock.supplier-collect': spec('stock', 'staff', [], z.strictObject({ notes: text('notes').optional() })),
  /** ops-cs reassures the customers of the open orders a stock-out tagged (§3.3 "做好客户安抚工作"; service-standards.md §12). */
  'stock.reassure': spec('stock', 'staff', []),
  /** The stock-out lasts until `stock.received` for the SKU (§12): its orders stay tagged meanwhile. */
  'stock.restock': spec('stock', 'webhook', [], none),
} as const satisfies Record<string, StepSpec>;

export type StepId = keyof typeof STEPS;

export function isStepId(id: string): id is StepId {
  return Object.hasOwn(STEPS, id);
}
