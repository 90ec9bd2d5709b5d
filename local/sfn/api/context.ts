import type { Clock } from '../../../core/time/clock.ts';
import type { ExecutionEngine } from '../engine/engine.ts';
import type { SfnStore } from '../store/store.ts';
import type { Partition } from './arns.ts';

/** What the API operations work with. */
export interface ApiContext {
  store: SfnStore;
  engine: ExecutionEngine;
  clock: Clock;
  partition: Partition;
}

/** A request body field as the JSON protocol delivers it. */
export type Body = Record<string, unknown>;

export type Operation = (ctx: ApiContext, body: Body) => Promise<object> | object;

/** JSON 1.0 carries timestamps as epoch seconds. */
export const epochSeconds = (ms: number): number => ms / 1000;
