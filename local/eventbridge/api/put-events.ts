import { randomUUID } from 'node:crypto';
import type { JsonObject, JsonValue } from '../pattern/index.ts';
import { isJsonObject } from '../pattern/types.ts';
import { ValidationException } from '../errors.ts';
import { busNameOf } from './bus-operations.ts';
import type { ApiContext, Body, Operation } from './context.ts';

type ResultEntry = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

/** Builds the event envelope EventBridge delivers (what patterns match and targets receive). */
function envelope(ctx: ApiContext, entry: Body): JsonObject | { ErrorCode: string; ErrorMessage: string } {
  const source = entry.Source;
  const detailType = entry.DetailType;
  const detailText = entry.Detail;
  if (typeof source !== 'string' || source === '') return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.' };
  if (typeof detailType !== 'string' || detailType === '') return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.' };
  if (typeof detailText !== 'string') return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Detail is not valid. Reason: Detail is a required argument.' };
  let detail: JsonValue;
  try {
    detail = JSON.parse(detailText) as JsonValue;
  } catch {
    return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  }
  if (!isJsonObject(detail)) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  const time = typeof entry.Time === 'number' ? entry.Time * 1000 : ctx.clock.now();
  const resources = Array.isArray(entry.Resources) ? entry.Resources.filter((r): r is string => typeof r === 'string') : [];
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': detailType,
    source,
    account: ctx.partition.accountId,
    time: new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: ctx.partition.region,
    resources,
    detail,
  };
}

export const PUT_EVENTS_OPERATIONS: Record<string, Operation> = {
  PutEvents(ctx, body) {
    const entries = body.Entries;
    if (!Array.isArray(entries) || entries.length < 1 || entries.length > 10) throw new ValidationException('1 validation error detected: Value at \'entries\' failed to satisfy constraint: Member must have length between 1 and 10');
    const results: ResultEntry[] = [];
    const byBus = new Map<string, JsonObject[]>();
    for (const raw of entries as unknown[]) {
      const entry = (isJsonObject(raw as JsonValue) ? raw : {}) as Body;
      const busName = busNameOf(entry);
      if (!ctx.config.bus(busName)) {
        results.push({ ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Event bus ${busName} does not exist.` });
        continue;
      }
      const event = envelope(ctx, entry);
      if ('ErrorCode' in event) {
        results.push(event as { ErrorCode: string; ErrorMessage: string });
        continue;
      }
      results.push({ EventId: event.id as string });
      const list = byBus.get(busName) ?? [];
      list.push(event);
      byBus.set(busName, list);
    }
    for (const [busName, events] of byBus) ctx.router.route(busName, events);
    return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results };
  },
};
