/**
 * The couriers a parcel may go with (service-standards.md §12 "Carriers", seed §2.4.4 l.296–300:
 * "我们默认使用发货速度最快的顺丰,并且对宝贝进行保价。如果顺丰不到的地方则使用EMS邮政速递" — SF by
 * default and insured, EMS where SF does not deliver; a customer asking for 申通 or another courier
 * is refused). The policy lists them (`carriers`); `order.dispatch` must name one of them, and the
 * step records whether the parcel is insured. Pure: no AWS.
 */
import type { Label } from '../lifecycles/step-labels.ts';

export interface Carrier {
  /** The id `order.dispatch` names in `fields.carrier`, e.g. `SF`. */
  id: string;
  /** The courier's name, e.g. {"zh": "顺丰速运", "en": "SF Express"}. */
  label: Label;
  /** The one carrier used unless it does not deliver to the address (exactly one per policy). */
  default: boolean;
  /** Parcels sent with it are insured (保价). */
  insured: boolean;
  /** When to use it, e.g. "where SF does not deliver". */
  note?: string | undefined;
}

/** The seed's carriers (l.296–300): SF (顺丰) default and insured; EMS where SF does not deliver. */
export const DEFAULT_CARRIERS: readonly Carrier[] = [
  { id: 'SF', label: { zh: '顺丰速运', en: 'SF Express' }, default: true, insured: true, note: 'default; every parcel insured (保价)' },
  { id: 'EMS', label: { zh: 'EMS 邮政速递', en: 'EMS (China Post Express)' }, default: false, insured: false, note: 'where SF does not deliver' },
];

/** The carrier with this id (exact, case-sensitive as the policy spells it), or undefined. */
export function findCarrier(carriers: readonly Carrier[], id: string): Carrier | undefined {
  return carriers.find((c) => c.id === id);
}

/** The policy's default carrier (the schema guarantees exactly one). */
export function defaultCarrier(carriers: readonly Carrier[]): Carrier | undefined {
  return carriers.find((c) => c.default);
}
