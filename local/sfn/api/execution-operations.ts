import { randomUUID } from 'node:crypto';
import type { ExecutionRecord, HistoryEvent } from '../store/records.ts';
import { checkExecutionArn, checkName, executionArn } from './arns.ts';
import { epochSeconds, type ApiContext, type Operation } from './context.ts';
import { MAX_PAYLOAD_BYTES } from '../engine/payload-limit.ts';
import { ExecutionAlreadyExists, ExecutionDoesNotExist, InvalidExecutionInput, InvalidToken, ValidationException } from './errors.ts';
import { pageOf } from './paging.ts';
import { requireMachine } from './state-machine-operations.ts';

function canonical(text: string): string {
  return JSON.stringify(JSON.parse(text));
}

function requireExecution(ctx: ApiContext, arn: unknown): ExecutionRecord {
  checkExecutionArn(arn);
  ctx.engine.flush();
  const record = ctx.store.getExecution(arn as string);
  if (!record) throw new ExecutionDoesNotExist(`Execution Does Not Exist: '${String(arn)}'`);
  return record;
}

/**
 * Idempotent as AWS documents for Standard workflows: the same name and input as a RUNNING
 * execution returns that execution; a closed one, or another input, is ExecutionAlreadyExists.
 */
const startExecution: Operation = async (ctx, body) => {
  const sm = requireMachine(ctx, body.stateMachineArn);
  const name = body.name === undefined ? randomUUID() : checkName(body.name, 'execution');
  const input = body.input === undefined ? '{}' : body.input;
  if (typeof input !== 'string') throw new InvalidExecutionInput('Invalid State Machine Execution Input: the input must be a string');
  if (Buffer.byteLength(input, 'utf8') > MAX_PAYLOAD_BYTES) {
    throw new ValidationException(`1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to ${MAX_PAYLOAD_BYTES}`);
  }
  try {
    JSON.parse(input);
  } catch (err) {
    throw new InvalidExecutionInput(`Invalid State Machine Execution Input: '${(err as Error).message}'`);
  }
  const arn = executionArn(ctx.partition, sm.name, name);
  const existing = ctx.engine.isRunning(arn) ? ctx.engine.runningRecord(arn) : ctx.store.getExecution(arn);
  if (existing) {
    if (existing.status === 'RUNNING' && canonical(existing.input) === canonical(input)) {
      return { executionArn: arn, startDate: epochSeconds(existing.startDate) };
    }
    throw new ExecutionAlreadyExists(`Execution Already Exists: '${arn}'`);
  }
  const record = ctx.engine.start({ arn, stateMachineArn: sm.arn, name, input, definition: sm.definition, roleArn: sm.roleArn });
  await ctx.engine.committed();
  return { executionArn: arn, startDate: epochSeconds(record.startDate) };
};

const describeExecution: Operation = (ctx, body) => {
  const e = requireExecution(ctx, body.executionArn);
  return {
    executionArn: e.arn,
    stateMachineArn: e.stateMachineArn,
    name: e.name,
    status: e.status,
    startDate: epochSeconds(e.startDate),
    ...(e.stopDate !== undefined ? { stopDate: epochSeconds(e.stopDate) } : {}),
    input: e.input,
    inputDetails: { included: true },
    ...(e.output !== undefined ? { output: e.output, outputDetails: { included: true } } : {}),
    ...(e.error !== undefined ? { error: e.error } : {}),
    ...(e.cause !== undefined ? { cause: e.cause } : {}),
    redriveCount: 0,
    redriveStatus: 'NOT_REDRIVABLE',
  };
};

const listExecutions: Operation = (ctx, body) => {
  const sm = requireMachine(ctx, body.stateMachineArn);
  ctx.engine.flush();
  const all = ctx.store.listExecutions(sm.arn).filter((e) => body.statusFilter === undefined || e.status === body.statusFilter);
  const { items, nextToken } = pageOf(all, body);
  return {
    executions: items.map((e) => ({
      executionArn: e.arn,
      stateMachineArn: e.stateMachineArn,
      name: e.name,
      status: e.status,
      startDate: epochSeconds(e.startDate),
      ...(e.stopDate !== undefined ? { stopDate: epochSeconds(e.stopDate) } : {}),
    })),
    ...(nextToken ? { nextToken } : {}),
  };
};

const stopExecution: Operation = (ctx, body) => {
  const e = requireExecution(ctx, body.executionArn);
  const error = typeof body.error === 'string' ? body.error : undefined;
  const cause = typeof body.cause === 'string' ? body.cause : undefined;
  ctx.engine.stop(e.arn, error, cause);
  return { stopDate: epochSeconds(ctx.store.getExecution(e.arn)?.stopDate ?? ctx.clock.now()) };
};

const DATA_FIELDS = new Set(['input', 'output', 'inputDetails', 'outputDetails', 'parameters']);

function toWire(event: HistoryEvent, includeData: boolean): object {
  const wire: Record<string, unknown> = { ...event, timestamp: epochSeconds(event.timestamp) };
  if (!includeData) {
    for (const [key, value] of Object.entries(wire)) {
      if (key.endsWith('EventDetails') && value && typeof value === 'object') {
        wire[key] = Object.fromEntries(Object.entries(value).filter(([k]) => !DATA_FIELDS.has(k)));
      }
    }
  }
  return wire;
}

const getExecutionHistory: Operation = (ctx, body) => {
  const e = requireExecution(ctx, body.executionArn);
  const size = typeof body.maxResults === 'number' && body.maxResults > 0 ? Math.min(body.maxResults, 1000) : 100;
  const reverse = body.reverseOrder === true;
  let after = reverse ? e.eventCount + 1 : 0;
  if (typeof body.nextToken === 'string') {
    after = Number(Buffer.from(body.nextToken, 'base64url').toString('utf8'));
    if (!Number.isInteger(after)) throw new InvalidToken('Invalid Token: the nextToken is not valid');
  }
  const events = ctx.store.history(e.arn, after, size, reverse);
  const last = events.at(-1);
  const more = last !== undefined && (reverse ? last.id > 1 : last.id < e.eventCount);
  return {
    events: events.map((ev) => toWire(ev, body.includeExecutionData !== false)),
    ...(more ? { nextToken: Buffer.from(String(last.id)).toString('base64url') } : {}),
  };
};

export const EXECUTION_OPERATIONS: Record<string, Operation> = {
  StartExecution: startExecution,
  DescribeExecution: describeExecution,
  ListExecutions: listExecutions,
  StopExecution: stopExecution,
  GetExecutionHistory: getExecutionHistory,
};
