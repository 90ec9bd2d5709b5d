import { ConflictException, ResourceNotFoundException } from '../errors.ts';
import { firstFire } from '../engine/recurrence.ts';
import { ScheduleState, type ScheduleRecord, type StoredSchedule } from '../store/records.ts';
import { DEFAULT_GROUP, epochSeconds, scheduleArn, type ApiContext, type Operation, type RestRequest } from './context.ts';
import { decodeToken, encodeToken, maxResults, optionalString, validName } from './fields.ts';
import { scheduleFields } from './schedule-input.ts';

function requireGroup(ctx: ApiContext, group: string): void {
  if (!ctx.store.getGroup(group)) throw new ResourceNotFoundException(`Schedule group ${group} does not exist.`);
}

function requireSchedule(ctx: ApiContext, group: string, name: string): StoredSchedule {
  const schedule = ctx.store.get(group, name);
  if (!schedule) throw new ResourceNotFoundException(`Schedule ${name} does not exist.`);
  return schedule;
}

/** Writes a schedule with its first firing and re-arms the timer if it fires sooner. */
function save(ctx: ApiContext, record: ScheduleRecord): void {
  const nextFireAt = firstFire(record, ctx.clock.now());
  ctx.store.put({ record, nextFireAt, fired: false });
  ctx.loop.changed(nextFireAt);
}

const date = (field: string, ms: number | undefined): object => (ms === undefined ? {} : { [field]: epochSeconds(ms) });

function describe(r: ScheduleRecord): object {
  return {
    Arn: r.Arn,
    Name: r.Name,
    GroupName: r.GroupName,
    ScheduleExpression: r.ScheduleExpression,
    ...(r.ScheduleExpressionTimezone !== undefined ? { ScheduleExpressionTimezone: r.ScheduleExpressionTimezone } : {}),
    ...date('StartDate', r.StartDate),
    ...date('EndDate', r.EndDate),
    ...(r.Description !== undefined ? { Description: r.Description } : {}),
    ...(r.KmsKeyArn !== undefined ? { KmsKeyArn: r.KmsKeyArn } : {}),
    State: r.State,
    FlexibleTimeWindow: r.FlexibleTimeWindow,
    Target: r.Target,
    ActionAfterCompletion: r.ActionAfterCompletion,
    CreationDate: epochSeconds(r.CreationDate),
    LastModificationDate: epochSeconds(r.LastModificationDate),
  };
}

const groupOf = (req: RestRequest, fromBody: boolean): string => validName((fromBody ? optionalString(req.body, 'GroupName') : req.query.get('groupName') ?? undefined) ?? DEFAULT_GROUP, 'groupName');

export const SCHEDULE_OPERATIONS: Record<string, Operation> = {
  CreateSchedule(ctx, req) {
    const name = validName(req.name, 'name');
    const group = groupOf(req, true);
    const fields = scheduleFields(req.body, ctx.clock.now());
    requireGroup(ctx, group);
    if (ctx.store.get(group, name)) throw new ConflictException(`Schedule ${name} already exists.`);
    const now = ctx.clock.now();
    const record: ScheduleRecord = { Name: name, GroupName: group, Arn: scheduleArn(ctx.partition, group, name), ...fields, CreationDate: now, LastModificationDate: now };
    save(ctx, record);
    return { ScheduleArn: record.Arn };
  },
  GetSchedule(ctx, req) {
    const group = groupOf(req, false);
    return describe(requireSchedule(ctx, group, validName(req.name, 'name')).record);
  },
  UpdateSchedule(ctx, req) {
    const name = validName(req.name, 'name');
    const group = groupOf(req, true);
    const fields = scheduleFields(req.body, ctx.clock.now());
    const existing = requireSchedule(ctx, group, name).record;
    const record: ScheduleRecord = { Name: name, GroupName: group, Arn: existing.Arn, ...fields, CreationDate: existing.CreationDate, LastModificationDate: ctx.clock.now() };
    save(ctx, record);
    return { ScheduleArn: record.Arn };
  },
  DeleteSchedule(ctx, req) {
    const name = validName(req.name, 'name');
    const group = groupOf(req, false);
    if (!ctx.store.delete(group, name)) throw new ResourceNotFoundException(`Schedule ${name} does not exist.`);
    return {};
  },
  ListSchedules(ctx, req) {
    const limit = maxResults(req.query);
    const group = req.query.get('ScheduleGroup') ?? undefined;
    const state = req.query.get('State') ?? undefined;
    const after = decodeToken(req.query.get('NextToken'));
    const rows = ctx.store.list({
      ...(group !== undefined ? { group } : {}),
      ...(req.query.get('NamePrefix') ? { namePrefix: req.query.get('NamePrefix')! } : {}),
      ...(state === ScheduleState.ENABLED || state === ScheduleState.DISABLED ? { state } : {}),
      ...(after ? { after: [after[0] ?? '', after[1] ?? ''] as [string, string] } : {}),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1)?.record;
    return {
      Schedules: page.map(({ record: r }) => ({
        Arn: r.Arn,
        Name: r.Name,
        GroupName: r.GroupName,
        State: r.State,
        CreationDate: epochSeconds(r.CreationDate),
        LastModificationDate: epochSeconds(r.LastModificationDate),
        Target: { Arn: r.Target.Arn },
      })),
      ...(rows.length > limit && last ? { NextToken: encodeToken([last.GroupName, last.Name]) } : {}),
    };
  },
};
