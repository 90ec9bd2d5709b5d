/**
 * Personal data partly masked wherever staff read case data (issue 10: the case page shows the
 * customer "with the phone number partly masked"), as Chinese shops print them: 138****0000.
 * What is personal is what the storefront events' schemas mark (core/privacy/personal.ts:
 * `customer.phone`), plus any other field whose name looks personal (`customer.mobile`,
 * `phoneNumber`, `wechat`, `email` …: the contract lets storefronts send extra fields).
 */
import { looksPersonal, personalPaths, type PersonalKind } from '../privacy/personal.ts';
import { STOREFRONT_DATA_SCHEMAS } from '../storefront/events.ts';

/** `13800000000` → `138****0000`; shorter numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length >= 8) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 2) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}

/** The personal fields of a case's data: every storefront event's `data` schema, merged. */
const CASE_DATA_PATHS: ReadonlyMap<string, PersonalKind> = new Map(Object.values(STOREFRONT_DATA_SCHEMAS).flatMap((schema) => [...personalPaths(schema)]));

/**
 * A copy of `value` with personal data masked, at any depth: the fields `paths` names (dotted, from
 * the schemas; the case data's by default), and any field whose name looks personal. A personal
 * field holding an object or list has each of its values masked.
 */
export function maskPersonal<T>(value: T, paths: ReadonlyMap<string, PersonalKind> = CASE_DATA_PATHS): T {
  return mask(value, '', paths, false) as T;
}

function mask(value: unknown, path: string, paths: ReadonlyMap<string, PersonalKind>, personal: boolean): unknown {
  if (typeof value === 'string' || typeof value === 'number') return personal ? maskPhone(String(value)) : value;
  if (Array.isArray(value)) return value.map((item) => mask(item, path, paths, personal));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => {
        const childPath = path === '' ? key : `${path}.${key}`;
        return [key, mask(v, childPath, paths, personal || paths.has(childPath) || looksPersonal(key))];
      }),
    );
  }
  return value;
}
