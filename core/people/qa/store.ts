/**
 * Where quality checks live (adapters/qa/ on the case table; docs/data-model.md "Quality checks").
 * Durable: a week's sample is written once per item, and a score stays until rescored.
 */
import type { QaItem, QaScore } from './item.ts';

export interface QaStore {
  /** Stores the items not stored yet (an item's id is stable): a rerun of a week's draw keeps scores. Returns how many were new. */
  addSampled(items: readonly QaItem[]): Promise<number>;
  /** Every item of a week (its Monday `YYYY-MM-DD`), ordered by id. */
  listWeek(week: string): Promise<QaItem[]>;
  /** Throws `QaItemNotFound`. */
  get(id: string): Promise<QaItem>;
  /** Sets (or replaces) the item's score. Throws `QaItemNotFound`. */
  score(id: string, score: QaScore): Promise<QaItem>;
}
