import { compilePattern, InvalidEventPatternError, testEventPattern, type JsonValue } from '../pattern/index.ts';
import { InvalidEventPatternException, ResourceNotFoundException, ValidationException } from '../errors.ts';
import { RuleState, type RuleRecord } from '../store/records.ts';
import { busNameOf, requireBus } from './bus-operations.ts';
import { ruleArn, type ApiContext, type Body, type Operation } from './context.ts';
import { optionalString, page, requiredString, validName } from './fields.ts';

export function requireRule(ctx: ApiContext, busName: string, name: string): RuleRecord {
  requireBus(ctx, busName);
  const rule = ctx.config.rule(busName, name);
  if (!rule) throw new ResourceNotFoundException(`Rule ${name} does not exist on EventBus ${busName}.`);
  return rule;
}

/** Validates a pattern as PutRule does, mapping the matcher's error to AWS's exception. */
export function validatePattern(pattern: string): void {
  try {
    compilePattern(pattern);
  } catch (error) {
    if (error instanceof InvalidEventPatternError) throw new InvalidEventPatternException(error.message);
    throw error;
  }
}

function stateOf(body: Body): RuleState {
  const state = optionalString(body, 'State') ?? RuleState.ENABLED;
  if (!Object.values(RuleState).includes(state as RuleState)) throw new ValidationException(`Value '${state}' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [${Object.values(RuleState).join(', ')}]`);
  return state as RuleState;
}

const describe = (rule: RuleRecord): object => ({
  Name: rule.name,
  Arn: rule.arn,
  EventBusName: rule.busName,
  State: rule.state,
  ...(rule.eventPattern !== undefined ? { EventPattern: rule.eventPattern } : {}),
  ...(rule.scheduleExpression !== undefined ? { ScheduleExpression: rule.scheduleExpression } : {}),
  ...(rule.description !== undefined ? { Description: rule.description } : {}),
  ...(rule.roleArn !== undefined ? { RoleArn: rule.roleArn } : {}),
});

function setState(ctx: ApiContext, body: Body, state: RuleState): object {
  const rule = requireRule(ctx, busNameOf(body), requiredString(body, 'Name'));
  ctx.config.putRule({ ...rule, state });
  return {};
}

export const RULE_OPERATIONS: Record<string, Operation> = {
  PutRule(ctx, body) {
    const name = validName(requiredString(body, 'Name'), 'name');
    const busName = busNameOf(body);
    requireBus(ctx, busName);
    const eventPattern = optionalString(body, 'EventPattern');
    const scheduleExpression = optionalString(body, 'ScheduleExpression');
    if (eventPattern === undefined && scheduleExpression === undefined) throw new ValidationException('Parameter(s) EventPattern or ScheduleExpression must be specified.');
    if (eventPattern !== undefined) validatePattern(eventPattern);
    const description = optionalString(body, 'Description');
    const roleArn = optionalString(body, 'RoleArn');
    const rule: RuleRecord = {
      busName,
      name,
      arn: ruleArn(ctx.partition, busName, name),
      state: stateOf(body),
      ...(eventPattern !== undefined ? { eventPattern } : {}),
      ...(scheduleExpression !== undefined ? { scheduleExpression } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(roleArn !== undefined ? { roleArn } : {}),
    };
    ctx.config.putRule(rule);
    return { RuleArn: rule.arn };
  },
  DescribeRule(ctx, body) {
    return describe(requireRule(ctx, busNameOf(body), requiredString(body, 'Name')));
  },
  ListRules(ctx, body) {
    const busName = busNameOf(body);
    requireBus(ctx, busName);
    const prefix = optionalString(body, 'NamePrefix') ?? '';
    const { items, nextToken } = page(
      ctx.config.listRules(busName).filter((r) => r.name.startsWith(prefix)),
      body,
    );
    return { Rules: items.map(describe), ...(nextToken ? { NextToken: nextToken } : {}) };
  },
  DeleteRule(ctx, body) {
    const busName = busNameOf(body);
    const name = requiredString(body, 'Name');
    requireBus(ctx, busName);
    if (!ctx.config.rule(busName, name)) return {};
    if (body.Force !== true && ctx.config.listTargets(busName, name).length > 0) throw new ValidationException("Rule can't be deleted since it has targets.");
    ctx.config.deleteRule(busName, name);
    return {};
  },
  EnableRule: (ctx, body) => setState(ctx, body, RuleState.ENABLED),
  DisableRule: (ctx, body) => setState(ctx, body, RuleState.DISABLED),
  TestEventPattern(_ctx, body) {
    const pattern = requiredString(body, 'EventPattern');
    validatePattern(pattern);
    let event: JsonValue;
    try {
      event = JSON.parse(requiredString(body, 'Event')) as JsonValue;
    } catch {
      throw new ValidationException('Event is not valid JSON.');
    }
    return { Result: testEventPattern(pattern, event) };
  },
};
