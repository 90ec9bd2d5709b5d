import type { Instant } from './case.ts';

// All clock times are Asia/Shanghai: UTC+8 all year (no daylight saving), so a fixed offset is exact.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Asia/Shanghai calendar day (`YYYY-MM-DD`) an instant falls on; reports group closed steps by it. */
export function shanghaiDay(at: Instant): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO-8601 instant: ${at}`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
