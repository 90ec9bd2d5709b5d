/**
 * After-sales side flows (service-standards.md §12 "Side flows", seed §4.1–§4.2): the typed
 * completion fields the API validates and the console's forms are built from.
 *
 * - A `damage` outcome of `return.verify` / `exchange.verify` (人为损坏, l.496 / l.562
 *   "可以帮您联系维修中心") records `repairReferral` {`centre`, `note`}: where the customer was
 *   referred; `aftersales.repair-followup` then follows it up.
 * - An inspection (`return.inspect` / `exchange.inspect`) that puts the goods into damaged stock
 *   (报损库, l.508 "并入报损库") names their `supplier` in `damagedStock`: the weekly
 *   `stock.supplier-collect` lists them per supplier (l.510 "联系供应商分批取货").
 * - `*.crm-unbind` records `deductedAmount`: yuan deducted for benefits already used (l.526
 *   "并扣除相应的使用掉的款项"; l.590 for an exchange "如退掉之前的则扣除"), ≥ 0.
 */
import { z } from 'zod';

const text = (what: string) => z.string({ error: `expected ${what} as text` }).trim().min(1, `${what} must not be empty`).max(500, `${what}: at most 500 characters`);

/** Where a customer with goods damaged by use was referred (维修中心), and what was agreed. */
export const repairReferral = z.strictObject(
  { centre: text('centre'), note: text('note').optional() },
  { error: (issue) => (issue.input === undefined ? 'is required' : 'expected {"centre": "<repair centre>", "note": "<what was agreed>"}') },
);
export type RepairReferral = z.infer<typeof repairReferral>;

/** Goods inspected into damaged stock (报损库), to be collected by their supplier. */
export const damagedStock = z.strictObject(
  { supplier: text('supplier').max(128, 'supplier: at most 128 characters'), note: text('note').optional() },
  { error: (issue) => (issue.input === undefined ? 'is required' : 'expected {"supplier": "<supplier>", "note": "<what is wrong>"}') },
);
export type DamagedStock = z.infer<typeof damagedStock>;

/** Yuan, two decimals at most, never negative. */
export const deductedAmount = z
  .number({ error: (issue) => (issue.input === undefined ? 'is required: the yuan deducted for benefits already used (0 when none)' : 'expected an amount in yuan') })
  .min(0, 'must not be negative')
  .max(1_000_000, 'at most 1,000,000 yuan')
  .refine((n) => Math.round(n * 100) === n * 100, { message: 'at most two decimals (fen)' });

/** The verification outcome that refuses damaged goods and refers to the repair centre. */
export const DAMAGE_OUTCOME = 'damage';

/** The step that follows a repair referral up (§12: ops-cs, by 17:00 the next working day). */
export const REPAIR_FOLLOWUP_STEP = 'aftersales.repair-followup';
/** The weekly per-supplier collection of damaged stock (§12: inventory-admin, Monday 10:00). */
export const SUPPLIER_COLLECT_STEP = 'stock.supplier-collect';
/** The inspections that may put goods into damaged stock. */
export const INSPECT_STEPS = ['return.inspect', 'exchange.inspect'] as const;

/**
 * A repair referral goes with the `damage` outcome and with no other: the issue (field and
 * message) to report as 400, or undefined when the completion is right.
 */
export function repairReferralIssue(outcome: string | undefined, fields: Readonly<Record<string, unknown>>): { field: string; message: string; code: string } | undefined {
  const present = fields.repairReferral !== undefined;
  if (outcome === DAMAGE_OUTCOME && !present) return { field: 'body.fields.repairReferral', message: 'is required for the outcome damage: the repair centre (维修中心) the customer was referred to', code: 'required' };
  if (outcome !== DAMAGE_OUTCOME && present) return { field: 'body.fields.repairReferral', message: 'only goes with the outcome damage; leave it out', code: 'not_allowed' };
  return undefined;
}
