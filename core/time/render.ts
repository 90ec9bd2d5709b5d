/**
 * How the API writes the instants people read (issue 13 item 9): ISO-8601 in the policy's zone
 * with its offset — `2026-11-30T09:00:00+08:00`, never `…Z` — milliseconds kept only when there
 * are any. Stored instants stay UTC (core/cases/instant.ts); every view renders through here.
 * Input accepts any offset (core/time/iso.ts).
 */
import type { Zone } from './zone.ts';

/** A stored instant (`2026-11-30T01:00:00.000Z`) or epoch ms, in the zone's offset. */
export function renderInstant(zone: Zone, at: string | number): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid instant: ${String(at)}`);
  const text = zone.formatIso(ms);
  const millis = ((ms % 1000) + 1000) % 1000;
  return millis === 0 ? text : `${text.slice(0, 19)}.${String(millis).padStart(3, '0')}${text.slice(19)}`;
}

/** The stored form of an instant: UTC with `Z` (what toInstant writes). */
const STORED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** A copy of free-form data (timeline details) with every stored UTC instant rendered in the zone. */
export function renderInstants<T>(zone: Zone, value: T): T {
  return render(zone, value) as T;
}

function render(zone: Zone, value: unknown): unknown {
  if (typeof value === 'string') return STORED_INSTANT.test(value) ? renderInstant(zone, value) : value;
  if (Array.isArray(value)) return value.map((item) => render(zone, item));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, render(zone, v)]));
  return value;
}
