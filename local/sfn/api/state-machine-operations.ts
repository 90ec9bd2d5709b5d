import { validateDefinition } from '../asl/validate.ts';
import type { StateMachineRecord } from '../store/records.ts';
import { checkName, stateMachineArn, stateMachineNameOf } from './arns.ts';
import { epochSeconds, type ApiContext, type Body, type Operation } from './context.ts';
import { StateMachineAlreadyExists, StateMachineDoesNotExist, ValidationException } from './errors.ts';
import { pageOf } from './paging.ts';

const DEFAULT_ROLE = 'arn:aws:iam::123456789012:role/sfn-local';

export function requireMachine(ctx: ApiContext, arn: unknown): StateMachineRecord {
  stateMachineNameOf(arn);
  const sm = ctx.store.getStateMachine(arn as string);
  if (!sm) throw new StateMachineDoesNotExist(`State Machine Does Not Exist: '${String(arn)}'`);
  return sm;
}

function requireString(body: Body, field: string): string {
  const value = body[field];
  if (typeof value !== 'string') throw new ValidationException(`1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
  return value;
}

const createStateMachine: Operation = (ctx, body) => {
  const name = checkName(body.name, 'state machine');
  const definition = requireString(body, 'definition');
  validateDefinition(definition);
  const roleArn = typeof body.roleArn === 'string' ? body.roleArn : DEFAULT_ROLE;
  const type = body.type === 'EXPRESS' ? 'EXPRESS' : 'STANDARD';
  const arn = stateMachineArn(ctx.partition, name);
  const existing = ctx.store.getStateMachine(arn);
  if (existing) {
    // Idempotent, as AWS: the same request returns the same machine.
    if (existing.definition === definition && existing.roleArn === roleArn && existing.type === type) {
      return { stateMachineArn: arn, creationDate: epochSeconds(existing.creationDate) };
    }
    throw new StateMachineAlreadyExists(`State Machine Already Exists: '${arn}'`);
  }
  const record: StateMachineRecord = { arn, name, definition, roleArn, type, creationDate: ctx.clock.now(), revision: 1 };
  ctx.store.insertStateMachine(record);
  return { stateMachineArn: arn, creationDate: epochSeconds(record.creationDate) };
};

const updateStateMachine: Operation = (ctx, body) => {
  const sm = requireMachine(ctx, body.stateMachineArn);
  if (body.definition === undefined && body.roleArn === undefined) {
    throw new ValidationException('Either the definition or the roleArn must be specified');
  }
  const definition = typeof body.definition === 'string' ? body.definition : sm.definition;
  validateDefinition(definition);
  const updated = { ...sm, definition, roleArn: typeof body.roleArn === 'string' ? body.roleArn : sm.roleArn, revision: sm.revision + 1 };
  ctx.store.updateStateMachine(updated);
  return { updateDate: epochSeconds(ctx.clock.now()), revisionId: String(updated.revision) };
};

const describeStateMachine: Operation = (ctx, body) => {
  const sm = requireMachine(ctx, body.stateMachineArn);
  return {
    stateMachineArn: sm.arn,
    name: sm.name,
    status: 'ACTIVE',
    definition: sm.definition,
    roleArn: sm.roleArn,
    type: sm.type,
    creationDate: epochSeconds(sm.creationDate),
    revisionId: String(sm.revision),
    loggingConfiguration: { level: 'OFF', includeExecutionData: false },
  };
};

const listStateMachines: Operation = (ctx, body) => {
  const { items, nextToken } = pageOf(ctx.store.listStateMachines(), body);
  return {
    stateMachines: items.map((sm) => ({ stateMachineArn: sm.arn, name: sm.name, type: sm.type, creationDate: epochSeconds(sm.creationDate) })),
    ...(nextToken ? { nextToken } : {}),
  };
};

/** Running executions carry their own copy of the definition and run to their end. */
const deleteStateMachine: Operation = (ctx, body) => {
  stateMachineNameOf(body.stateMachineArn);
  ctx.store.deleteStateMachine(body.stateMachineArn as string);
  return {};
};

export const STATE_MACHINE_OPERATIONS: Record<string, Operation> = {
  CreateStateMachine: createStateMachine,
  UpdateStateMachine: updateStateMachine,
  DescribeStateMachine: describeStateMachine,
  ListStateMachines: listStateMachines,
  DeleteStateMachine: deleteStateMachine,
};
