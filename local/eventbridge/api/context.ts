import type { Clock } from '../../../core/time/clock.ts';
import type { ConfigStore } from '../store/config-store.ts';
import type { EventRouter } from '../routing/event-router.ts';

export interface Partition {
  region: string;
  accountId: string;
}

/** What the API operations work with. */
export interface ApiContext {
  config: ConfigStore;
  router: EventRouter;
  clock: Clock;
  partition: Partition;
}

/** A request body as the JSON protocol delivers it. */
export type Body = Record<string, unknown>;

export type Operation = (ctx: ApiContext, body: Body) => Promise<object> | object;

/** JSON 1.1 carries timestamps as epoch seconds. */
export const epochSeconds = (ms: number): number => ms / 1000;

export const DEFAULT_BUS = 'default';

export const busArn = (p: Partition, name: string): string => `arn:aws:events:${p.region}:${p.accountId}:event-bus/${name}`;

export const ruleArn = (p: Partition, busName: string, name: string): string =>
  busName === DEFAULT_BUS ? `arn:aws:events:${p.region}:${p.accountId}:rule/${name}` : `arn:aws:events:${p.region}:${p.accountId}:rule/${busName}/${name}`;
