/**
 * When a notice the storefront did not take is tried again, and when the platform gives up
 * (service-standards.md §12: "retried with back-off for 24 h, then dead-lettered"). Pure.
 */

/** The first retry waits this long; each failure doubles it up to the cap. */
export const RETRY_FIRST_MS = 60_000;
export const RETRY_MAX_MS = 60 * 60_000;
/** A notice still undelivered this long after it was raised is dead-lettered at its next failure. */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;

/** The wait after a failed post, given the wait after the previous one (none: the first failure). */
export function nextBackoffMs(previousMs: number | undefined): number {
  return previousMs === undefined ? RETRY_FIRST_MS : Math.min(RETRY_MAX_MS, previousMs * 2);
}

/** True when a notice raised at `raisedAt` (ISO) has been tried for its 24 hours at `now` (ms). */
export function givenUp(raisedAt: string, now: number): boolean {
  return now - Date.parse(raisedAt) >= GIVE_UP_AFTER_MS;
}
