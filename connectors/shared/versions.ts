/**
 * Message ordering by the platform's version (Youzan: "高版本覆盖低版本", per message type and
 * business id). The highest version applied per key is kept; a message at or below it is stale.
 */
export interface VersionStore {
  /** The highest version applied for `key`, or undefined. */
  latest(key: string): Promise<number | undefined>;
  /** Records `version` for `key` unless a higher one is already recorded. */
  record(key: string, version: number): Promise<void>;
}
