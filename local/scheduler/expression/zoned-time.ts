const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the IANA time zone name is known to this runtime. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

const UTC_ZONES = new Set(['UTC', 'Etc/UTC']);

/** The zone's offset from UTC at `epochMs`, in ms (local wall time − UTC). */
function offsetAt(epochMs: number, timeZone: string): number {
  // UTC has no offset: skip formatToParts, the largest cost of a CreateSchedule (the platform's timers are all in UTC).
  if (UTC_ZONES.has(timeZone)) return 0;
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epochMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/** The instant a wall-clock time in `timeZone` denotes (in a DST gap, the instant after it). */
export function wallTimeToEpoch(wall: { year: number; month: number; day: number; hour: number; minute: number; second: number }, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  return Math.max(first, second);
}

/** The wall-clock time at `epochMs` in `timeZone`, as epoch ms of the same wall time in UTC. */
export function epochToWall(epochMs: number, timeZone: string): number {
  return epochMs + offsetAt(epochMs, timeZone);
}

const DAY_MS = 86_400_000;

/**
 * Every instant whose wall-clock time in `timeZone` is `wallMs` (a wall time as UTC epoch ms),
 * earliest first: none inside a spring-forward gap, two in a fall-back overlap, one otherwise.
 */
export function wallInstants(wallMs: number, timeZone: string): number[] {
  // A zone changes its offset at most once within a day either side, so these two offsets cover every candidate.
  const offsets = new Set([offsetAt(wallMs - DAY_MS, timeZone), offsetAt(wallMs + DAY_MS, timeZone), offsetAt(wallMs, timeZone)]);
  return [...new Set([...offsets].map((o) => wallMs - o))].filter((t) => epochToWall(t, timeZone) === wallMs).sort((a, b) => a - b);
}
