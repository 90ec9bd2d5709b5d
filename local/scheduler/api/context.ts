import type { Clock } from '../../../core/time/clock.ts';
import type { FireLoop } from '../engine/fire-loop.ts';
import type { ScheduleStore } from '../store/schedule-store.ts';

export interface Partition {
  region: string;
  accountId: string;
}

export interface ApiContext {
  store: ScheduleStore;
  loop: FireLoop;
  clock: Clock;
  partition: Partition;
}

/** A request as the REST-JSON protocol delivers it: the path label, the query, the JSON body. */
export interface RestRequest {
  name?: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export type Operation = (ctx: ApiContext, request: RestRequest) => object;

export const DEFAULT_GROUP = 'default';

/** REST-JSON carries timestamps as epoch seconds. */
export const epochSeconds = (ms: number): number => ms / 1000;

export const scheduleArn = (p: Partition, group: string, name: string): string => `arn:aws:scheduler:${p.region}:${p.accountId}:schedule/${group}/${name}`;
export const groupArn = (p: Partition, name: string): string => `arn:aws:scheduler:${p.region}:${p.accountId}:schedule-group/${name}`;
