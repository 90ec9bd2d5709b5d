/**
 * The policy's `carriers` (service-standards.md §12 "Carriers", seed §2.4.4 l.296–300): the
 * couriers `order.dispatch` may name. Exactly one is the default; ids are unique. Omitted, the
 * seed's list applies (SF default and insured, EMS where SF does not deliver).
 */
import { z } from 'zod';
import { DEFAULT_CARRIERS } from '../core/carriers/carriers.ts';

const carrier = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/, 'carrier ids are letters, digits and "-" (at most 32), e.g. "SF"'),
  label: z.strictObject({ zh: z.string().min(1, 'expected the Chinese name'), en: z.string().min(1, 'expected the English name') }),
  default: z.boolean({ error: 'expected true or false' }).default(false),
  insured: z.boolean({ error: 'expected true or false' }).default(false),
  note: z.string().optional(),
});

export const carriersSchema = z
  .array(carrier)
  .min(1, 'list at least one carrier')
  .superRefine((list, ctx) => {
    const defaults = list.filter((c) => c.default).length;
    if (defaults !== 1) ctx.addIssue({ code: 'custom', message: `exactly one carrier must be "default": true (found ${defaults})` });
    list.forEach((c, i) => {
      if (list.findIndex((o) => o.id === c.id) !== i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${c.id}" is listed twice` });
    });
  })
  .default(DEFAULT_CARRIERS.map((c) => ({ ...c, label: { ...c.label } })));
