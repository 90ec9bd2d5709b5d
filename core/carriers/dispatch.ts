/**
 * `order.dispatch` against the policy's carriers (service-standards.md §12 "Carriers", seed
 * §2.4.4 l.298–300: asked for 申通 or another courier, the store answers EMS instead — other
 * couriers are refused). Returns the issue naming `carrier` when it is not in the policy, else the
 * fields with `insured` recorded from the carrier's policy entry (the client never sets it).
 */
import type { FieldIssue } from '../lifecycles/completion-facts.ts';
import { type Carrier, findCarrier } from './carriers.ts';

export type DispatchCheck = { ok: true; fields: Record<string, unknown> } | { ok: false; issues: FieldIssue[] };

export function checkDispatch(fields: Record<string, unknown>, carriers: readonly Carrier[]): DispatchCheck {
  const id = typeof fields.carrier === 'string' ? fields.carrier : '';
  const carrier = findCarrier(carriers, id);
  if (carrier === undefined) {
    const known = carriers.map((c) => `${c.id} (${c.label.zh})`).join(', ');
    return { ok: false, issues: [{ field: 'body.fields.carrier', message: `"${id}" is not one of the store's carriers: ${known}` }] };
  }
  return { ok: true, fields: { ...fields, insured: carrier.insured } };
}
