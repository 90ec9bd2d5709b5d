/**
 * The step catalogue: for every step id of service-standards.md, its case type, who completes
 * it, the outcomes it may end with and the fields a completion must carry (api.md). Deadlines
 * and roles live in the policy; this is what the work itself looks like.
 */
import { z } from 'zod';
import type { CaseType } from '../cases/case.ts';

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
  'cancel.verify': spec('cancellation', 'staff', ['confirmed', 'withdrawn']),
  /** A cancelled order's parcel was dispatched but not yet picked up: the picker takes it back before the refund. */
  'cancel.retrieve': spec('cancellation', 'staff', []),
  'cancel.refund': spec('cancellation', 'system', [], none),
  'refund.settle': spec('cancellation', 'webhook', [], none),
  'return.verify': spec('return', 'staff', ['quality', 'insist', 'damage'], z.strictObject({
    /** For `quality`: the customer takes the offered exchange (the case becomes an exchange). */
    exchangeTaken: z.boolean({ error: 'exchangeTaken: expected true or false' }).optional(),
    notes: text('notes').optional(),
  })),
  'return.receive': spec('return', 'webhook', [], none),
  'return.inspect': spec('return', 'staff', ['passed', 'failed']),
  'return.refund': spec('return', 'staff', []),
  'return.crm-unbind': spec('return', 'staff', []),
  'exchange.verify': spec('exchange', 'staff', ['same-model', 'no-reason', 'other-model', 'damage']),
  'exchange.crm-unbind': spec('exchange', 'staff', []),
  'exchange.receive': spec('exchange', 'webhook', [], none),
  'exchange.inspect': spec('exchange', 'staff', ['passed', 'failed']),
  'complaint.acknowledge': spec('complaint', 'staff', []),
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
} as const satisfies Record<string, StepSpec>;

export type StepId = keyof typeof STEPS;

export function isStepId(id: string): id is StepId {
  return Object.hasOwn(STEPS, id);
}
