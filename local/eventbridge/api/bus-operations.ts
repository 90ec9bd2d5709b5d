import { ResourceAlreadyExistsException, ResourceNotFoundException, ValidationException } from '../errors.ts';
import type { BusRecord } from '../store/records.ts';
import { busArn, DEFAULT_BUS, epochSeconds, type ApiContext, type Body, type Operation } from './context.ts';
import { optionalString, page, requiredString, validName } from './fields.ts';

/** A bus named by name or ARN (`EventBusName` accepts both); the default bus when absent. */
export function busNameOf(body: Body, field = 'EventBusName'): string {
  const value = optionalString(body, field);
  if (value === undefined || value === '') return DEFAULT_BUS;
  const arn = /^arn:[^:]+:events:[^:]*:[^:]*:event-bus\/(.+)$/.exec(value);
  return arn ? arn[1]! : value;
}

export function requireBus(ctx: ApiContext, name: string): BusRecord {
  const bus = ctx.config.bus(name);
  if (!bus) throw new ResourceNotFoundException(`Event bus ${name} does not exist.`);
  return bus;
}

const describe = (bus: BusRecord): object => ({
  Name: bus.name,
  Arn: bus.arn,
  ...(bus.description !== undefined ? { Description: bus.description } : {}),
  CreationTime: epochSeconds(bus.creationTime),
  LastModifiedTime: epochSeconds(bus.lastModifiedTime),
});

export const BUS_OPERATIONS: Record<string, Operation> = {
  CreateEventBus(ctx, body) {
    const name = validName(requiredString(body, 'Name'), 'name', true);
    if (name === DEFAULT_BUS) throw new ValidationException('The name "default" is reserved for the default event bus.');
    if (body.EventSourceName !== undefined) throw new ValidationException('Partner event sources are not supported by the emulator.');
    if (ctx.config.bus(name)) throw new ResourceAlreadyExistsException(`Event bus ${name} already exists.`);
    const now = ctx.clock.now();
    const description = optionalString(body, 'Description');
    const bus: BusRecord = { name, arn: busArn(ctx.partition, name), ...(description !== undefined ? { description } : {}), creationTime: now, lastModifiedTime: now };
    ctx.config.putBus(bus);
    return { EventBusArn: bus.arn };
  },
  DescribeEventBus(ctx, body) {
    return describe(requireBus(ctx, busNameOf(body, 'Name')));
  },
  ListEventBuses(ctx, body) {
    const prefix = optionalString(body, 'NamePrefix') ?? '';
    const { items, nextToken } = page(
      ctx.config.listBuses().filter((b) => b.name.startsWith(prefix)),
      body,
    );
    return { EventBuses: items.map(describe), ...(nextToken ? { NextToken: nextToken } : {}) };
  },
  DeleteEventBus(ctx, body) {
    const name = busNameOf(body, 'Name');
    if (name === DEFAULT_BUS) throw new ValidationException('Cannot delete event bus default.');
    if (ctx.config.listRules(name).length > 0) throw new ValidationException(`Event bus ${name} still has rules; delete them first.`);
    ctx.config.deleteBus(name);
    return {};
  },
};
