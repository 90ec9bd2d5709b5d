import { ConflictException, ResourceNotFoundException, ValidationException } from '../errors.ts';
import type { GroupRecord } from '../store/records.ts';
import { DEFAULT_GROUP, epochSeconds, groupArn, type Operation } from './context.ts';
import { decodeToken, encodeToken, maxResults, validName } from './fields.ts';

const describe = (g: GroupRecord): object => ({ Arn: g.Arn, Name: g.Name, State: 'ACTIVE', CreationDate: epochSeconds(g.CreationDate), LastModificationDate: epochSeconds(g.LastModificationDate) });

export const GROUP_OPERATIONS: Record<string, Operation> = {
  CreateScheduleGroup(ctx, req) {
    const name = validName(req.name, 'name');
    if (ctx.store.getGroup(name)) throw new ConflictException(`Schedule group ${name} already exists.`);
    const now = ctx.clock.now();
    const group: GroupRecord = { Name: name, Arn: groupArn(ctx.partition, name), CreationDate: now, LastModificationDate: now };
    ctx.store.putGroup(group);
    return { ScheduleGroupArn: group.Arn };
  },
  GetScheduleGroup(ctx, req) {
    const name = validName(req.name, 'name');
    const group = ctx.store.getGroup(name);
    if (!group) throw new ResourceNotFoundException(`Schedule group ${name} does not exist.`);
    return describe(group);
  },
  /** Deletes the group and every schedule in it (AWS does this asynchronously; here at once). */
  DeleteScheduleGroup(ctx, req) {
    const name = validName(req.name, 'name');
    if (name === DEFAULT_GROUP) throw new ValidationException('The default schedule group cannot be deleted.');
    if (!ctx.store.getGroup(name)) throw new ResourceNotFoundException(`Schedule group ${name} does not exist.`);
    ctx.store.deleteGroup(name);
    return {};
  },
  ListScheduleGroups(ctx, req) {
    const limit = maxResults(req.query);
    const after = decodeToken(req.query.get('NextToken'))?.[0] ?? '';
    const groups = ctx.store.listGroups(req.query.get('NamePrefix') ?? '', after, limit + 1);
    const page = groups.slice(0, limit);
    return { ScheduleGroups: page.map(describe), ...(groups.length > limit ? { NextToken: encodeToken([page.at(-1)!.Name]) } : {}) };
  },
};
