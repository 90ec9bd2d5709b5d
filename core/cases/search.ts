/**
 * What a case can be found by (issue 28 item 2): besides its id and order number, the customer's
 * phone (last 4 digits, as staff ask a caller "手机尾号?"), the customer's name, and the tracking
 * numbers of its parcels. Each is stored as a lookup entry (docs/data-model.md, "lookup"), so a
 * search is an index query, never a scan. Pure: no AWS import.
 */
import type { CaseRecord } from './case.ts';

export const LookupKind = {
  /** The last 4 digits of the customer's phone. */
  phone4: 'phone4',
  /** The customer's name, spaces removed, case folded. */
  name: 'name',
  /** A parcel's tracking number (运单号), upper case, spaces removed. */
  tracking: 'tracking',
} as const;
export type LookupKind = (typeof LookupKind)[keyof typeof LookupKind];

export interface LookupKey {
  kind: LookupKind;
  value: string;
}

/**
 * Characters of a value a lookup keeps: a name or tracking number longer than this is stored and
 * searched by its first 64, so its key stays far below DynamoDB's 1,024-byte sort-key limit (at
 * most 4 UTF-8 bytes a character) whatever a storefront sends.
 */
export const MAX_LOOKUP_CHARS = 64;

/** The form a value is stored and searched in: spaces dropped, case folded, so "sf 123" finds "SF123"; at most MAX_LOOKUP_CHARS characters. */
export function normalise(kind: LookupKind, raw: string): string {
  const compact = [...raw.replace(/\s+/g, '')].slice(0, MAX_LOOKUP_CHARS).join('');
  return kind === LookupKind.tracking ? compact.toUpperCase() : compact.toLowerCase();
}

function customerOf(data: Record<string, unknown>): { name?: string; phone?: string } {
  const customer = data.customer;
  if (customer === null || typeof customer !== 'object') return {};
  const { name, phone } = customer as Record<string, unknown>;
  return { ...(typeof name === 'string' ? { name } : {}), ...(typeof phone === 'string' ? { phone } : {}) };
}

/** The lookup keys of a new case, from the customer its event named (order.placed, complaint.filed, ...). */
export function caseLookupKeys(record: Pick<CaseRecord, 'data'>): LookupKey[] {
  const { name, phone } = customerOf(record.data);
  const keys: LookupKey[] = [];
  const digits = phone?.replace(/\D/g, '') ?? '';
  if (digits.length >= 4) keys.push({ kind: LookupKind.phone4, value: digits.slice(-4) });
  if (name !== undefined && normalise(LookupKind.name, name) !== '') keys.push({ kind: LookupKind.name, value: normalise(LookupKind.name, name) });
  return keys;
}

/** The lookup keys a completed step's fields add: its tracking number (order.dispatch `trackingNo`, a return's `returnTrackingNo`, ...). */
export function stepLookupKeys(fields: Record<string, unknown> | undefined): LookupKey[] {
  if (fields === undefined) return [];
  return Object.entries(fields)
    .filter(([key, value]) => /^(?:.*T|t)rackingNo$/.test(key) && typeof value === 'string' && value.trim() !== '')
    .map(([, value]) => ({ kind: LookupKind.tracking, value: normalise(LookupKind.tracking, value as string) }));
}

/**
 * The lookups a search box's text may mean: 4 digits are a phone's tail; a longer phone number is
 * looked up by its tail too; any other text may be a tracking number or a name. (The case id and
 * the order number are looked up directly beside these.)
 */
export function searchKeys(text: string): LookupKey[] {
  const compact = text.replace(/\s+/g, '');
  if (compact === '') return [];
  if (/^\d{4}$/.test(compact)) return [{ kind: LookupKind.phone4, value: compact }];
  const keys: LookupKey[] = [];
  if (/^\+?[\d-]{7,}$/.test(compact)) keys.push({ kind: LookupKind.phone4, value: compact.replace(/\D/g, '').slice(-4) });
  keys.push({ kind: LookupKind.tracking, value: normalise(LookupKind.tracking, compact) }, { kind: LookupKind.name, value: normalise(LookupKind.name, compact) });
  return keys;
}

/** `王芳` → `王*`, `Li Lei` → `L*****`: enough for staff to tell two callers apart, as the phone's mask is. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? chars.join('') : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
