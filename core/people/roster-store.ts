/** Where rosters live: the case table on both homes (adapters/people/dynamodb-roster-store.ts). */
import type { RosterEntry } from './roster.ts';

export interface RosterStore {
  /** The entries of the days `from`..`to` (inclusive, `YYYY-MM-DD`), by day. */
  read(from: string, to: string): Promise<RosterEntry[]>;
  /** Replaces the days `from`..`to` with `entries` (days without entries are cleared), all at once. */
  replace(from: string, to: string, entries: readonly RosterEntry[]): Promise<void>;
  /** Round-robin's memory: the people given the role's steps, least recently first. */
  recentAssignees(role: string): Promise<string[]>;
  /** `person` was just given a step of `role`: they go to the end of its order. */
  recordAssigned(role: string, person: string): Promise<void>;
}
