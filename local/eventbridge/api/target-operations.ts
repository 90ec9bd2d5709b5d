import { ValidationException } from '../errors.ts';
import { targetKind } from '../delivery/targets.ts';
import type { TargetRecord } from '../store/records.ts';
import { busNameOf } from './bus-operations.ts';
import type { Operation } from './context.ts';
import { requiredString } from './fields.ts';
import { requireRule } from './rule-operations.ts';

interface FailedEntry {
  TargetId: string;
  ErrorCode: string;
  ErrorMessage: string;
}

/** Checks one PutTargets entry; returns the failure AWS would report for it, if any. */
function checkTarget(raw: unknown): { target?: TargetRecord; failure?: FailedEntry } {
  const t = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<TargetRecord>;
  const id = typeof t.Id === 'string' ? t.Id : '';
  if (!/^[.\-_A-Za-z0-9]{1,64}$/.test(id)) throw new ValidationException(`Target Id '${id}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+`);
  if (typeof t.Arn !== 'string' || targetKind(t.Arn) === undefined) {
    return { failure: { TargetId: id, ErrorCode: 'ValidationException', ErrorMessage: `Target ARN ${String(t.Arn)} is not supported by the emulator (Lambda function, Step Functions state machine, event bus, or http(s) URL).` } };
  }
  const inputs = [t.Input, t.InputPath, t.InputTransformer].filter((v) => v !== undefined).length;
  if (inputs > 1) throw new ValidationException(`Target ${id}: only one of Input, InputPath and InputTransformer may be set.`);
  if (t.Input !== undefined) {
    try {
      JSON.parse(t.Input);
    } catch {
      throw new ValidationException(`Target ${id}: Input is not valid JSON text.`);
    }
  }
  if (t.InputPath !== undefined && !t.InputPath.startsWith('$')) throw new ValidationException(`Target ${id}: InputPath must be a JSONPath starting with $.`);
  if (t.InputTransformer !== undefined && typeof t.InputTransformer.InputTemplate !== 'string') throw new ValidationException(`Target ${id}: InputTransformer.InputTemplate is required.`);
  return { target: t as TargetRecord };
}

export const TARGET_OPERATIONS: Record<string, Operation> = {
  PutTargets(ctx, body) {
    const busName = busNameOf(body);
    const rule = requireRule(ctx, busName, requiredString(body, 'Rule'));
    if (!Array.isArray(body.Targets) || body.Targets.length === 0 || body.Targets.length > 10) throw new ValidationException('Targets must hold 1 to 10 entries.');
    const accepted: TargetRecord[] = [];
    const failed: FailedEntry[] = [];
    for (const raw of body.Targets as unknown[]) {
      const { target, failure } = checkTarget(raw);
      if (target) accepted.push(target);
      if (failure) failed.push(failure);
    }
    const existing = new Set(ctx.config.listTargets(busName, rule.name).map((t) => t.Id));
    if (new Set([...existing, ...accepted.map((t) => t.Id)]).size > 5) throw new ValidationException('A rule can have at most 5 targets.');
    ctx.config.putTargets(busName, rule.name, accepted);
    return { FailedEntryCount: failed.length, FailedEntries: failed };
  },
  ListTargetsByRule(ctx, body) {
    const busName = busNameOf(body);
    const rule = requireRule(ctx, busName, requiredString(body, 'Rule'));
    return { Targets: ctx.config.listTargets(busName, rule.name) };
  },
  RemoveTargets(ctx, body) {
    const busName = busNameOf(body);
    const rule = requireRule(ctx, busName, requiredString(body, 'Rule'));
    if (!Array.isArray(body.Ids) || body.Ids.some((id) => typeof id !== 'string')) throw new ValidationException('Ids must be a list of target ids.');
    const existing = new Set(ctx.config.listTargets(busName, rule.name).map((t) => t.Id));
    const ids = body.Ids as string[];
    const failed = ids.filter((id) => !existing.has(id)).map((id) => ({ TargetId: id, ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Target ${id} does not exist on rule ${rule.name}.` }));
    ctx.config.removeTargets(busName, rule.name, ids.filter((id) => existing.has(id)));
    return { FailedEntryCount: failed.length, FailedEntries: failed };
  },
};
