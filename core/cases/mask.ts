/**
 * Phone numbers partly masked wherever staff read case data (issue 10: the case page shows the
 * customer "with the phone number partly masked"), as Chinese shops print them: 138****0000.
 */

/** `13800000000` → `138****0000`; shorter numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length >= 8) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 2) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}

/** A copy of `value` with every string under a key named `phone` (or `…Phone`) masked, at any depth. */
export function maskPhones<T>(value: T): T {
  return mask(value) as T;
}

function mask(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return key !== undefined && /^phone$|Phone$/.test(key) ? maskPhone(value) : value;
  if (Array.isArray(value)) return value.map((item) => mask(item));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mask(v, k)]));
  return value;
}
