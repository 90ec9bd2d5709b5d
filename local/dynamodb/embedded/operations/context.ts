import type { Clock } from '../../../../core/time/clock.ts';
import type { ItemStore } from '../item-store.ts';

/** What every operation works with: the store, the clock (CreationDateTime, TTL) and the ARN partition. */
export interface StoreContext {
  store: ItemStore;
  clock: Clock;
  region: string;
  accountId: string;
}
