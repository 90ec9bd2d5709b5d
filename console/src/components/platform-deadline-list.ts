/**
 * A platform's own deadlines on an order (Douyin tag 126 ship-by, tag 209 after-sale time limit;
 * docs/connectors.md), read from the case timeline's `platform.deadline` entries the connectors
 * write: the latest word of each platform per kind, to show beside our own deadlines.
 */

export interface PlatformDeadline {
  /** The connector's platform id, e.g. `douyin`. */
  platform: string;
  /** `ship-by` or `after-sale-by`. */
  deadline: string;
  /** ISO-8601 instant in the policy's zone. */
  due: string;
  /** Where it came from, e.g. `douyin tag 126`. */
  source?: string;
  /** When the platform said so (the timeline entry's time). */
  at: string;
}

interface TimelineEntry {
  at: string;
  kind: string;
  detail?: Record<string, unknown>;
}

/** The latest deadline per platform and kind, in the order first said; entries lacking a field are skipped. */
export function latestPlatformDeadlines(timeline: readonly TimelineEntry[]): PlatformDeadline[] {
  const latest = new Map<string, PlatformDeadline>();
  for (const entry of timeline) {
    if (entry.kind !== 'platform.deadline') continue;
    const { platform, deadline, due, source } = entry.detail ?? {};
    if (typeof platform !== 'string' || typeof deadline !== 'string' || typeof due !== 'string') continue;
    const key = `${platform}#${deadline}`;
    const seen = latest.get(key);
    if (seen !== undefined && Date.parse(seen.at) > Date.parse(entry.at)) continue;
    latest.set(key, { platform, deadline, due, at: entry.at, ...(typeof source === 'string' ? { source } : {}) });
  }
  return [...latest.values()];
}
