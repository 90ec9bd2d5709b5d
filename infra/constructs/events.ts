import { EventBus, Rule, type EventPattern, type IEventBus } from 'aws-cdk-lib/aws-events';
import { LambdaFunction, SfnStateMachine } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { BusDecl, RuleDecl } from '../../platform/manifest-types.ts';
import { ManifestInvalid } from '../errors.ts';
import { constructId, type StackNames } from '../naming.ts';
import { lookup } from './lookup.ts';

export interface EventBusesProps {
  buses: readonly BusDecl[];
  names: StackNames;
}

/** One custom event bus per manifest bus. */
export class EventBuses extends Construct {
  readonly byId: ReadonlyMap<string, EventBus>;

  constructor(scope: Construct, id: string, props: EventBusesProps) {
    super(scope, id);
    const byId = new Map<string, EventBus>();
    for (const bus of props.buses) {
      byId.set(bus.id, new EventBus(this, constructId(bus.id), { eventBusName: props.names.physical(bus.id, 256) }));
    }
    this.byId = byId;
  }
}

export interface EventRulesProps {
  rules: readonly RuleDecl[];
  names: StackNames;
  buses: ReadonlyMap<string, IEventBus>;
  functions: ReadonlyMap<string, IFunction>;
  workflows: ReadonlyMap<string, IStateMachine>;
  /** Events a target could not take after its retries. */
  deadLetterQueue: IQueue;
}

/** One EventBridge rule per manifest rule, on the bus it names, with its function and workflow targets. */
export class EventRules extends Construct {
  readonly byId: ReadonlyMap<string, Rule>;

  constructor(scope: Construct, id: string, props: EventRulesProps) {
    super(scope, id);
    const byId = new Map<string, Rule>();
    for (const decl of props.rules) {
      const where = `rule ${decl.id}`;
      const rule = new Rule(this, constructId(decl.id), {
        ruleName: props.names.physical(decl.id),
        description: `manifest rule ${decl.id}`,
        eventBus: lookup(props.buses, decl.bus, 'bus', where),
        eventPattern: toEventPattern(decl.pattern, where),
      });
      decl.targets.forEach((target, index) => {
        const at = `${where} target ${index}`;
        if (target.function !== undefined && target.workflow === undefined) {
          rule.addTarget(new LambdaFunction(lookup(props.functions, target.function, 'function', at), { deadLetterQueue: props.deadLetterQueue }));
        } else if (target.workflow !== undefined && target.function === undefined) {
          rule.addTarget(new SfnStateMachine(lookup(props.workflows, target.workflow, 'workflow', at), { deadLetterQueue: props.deadLetterQueue }));
        } else {
          throw new ManifestInvalid(at, 'name exactly one of function or workflow');
        }
      });
      byId.set(decl.id, rule);
    }
    this.byId = byId;
  }
}

/** EventBridge's JSON field names → the CDK's EventPattern keys. */
const PATTERN_KEYS = {
  version: 'version',
  id: 'id',
  'detail-type': 'detailType',
  source: 'source',
  account: 'account',
  time: 'time',
  region: 'region',
  resources: 'resources',
  detail: 'detail',
} as const satisfies Record<string, keyof EventPattern>;

/** The manifest writes patterns as EventBridge JSON (`detail-type`); the CDK renders them back unchanged. */
export function toEventPattern(pattern: Record<string, unknown>, where: string): EventPattern {
  const result: { -readonly [K in keyof EventPattern]: EventPattern[K] } = {};
  for (const [field, value] of Object.entries(pattern)) {
    if (!(field in PATTERN_KEYS)) throw new ManifestInvalid(where, `unknown event pattern field "${field}"`);
    const key = PATTERN_KEYS[field as keyof typeof PATTERN_KEYS];
    if (key === 'detail') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ManifestInvalid(where, 'pattern field "detail" must be an object');
      result.detail = value as Record<string, unknown>;
    } else {
      if (!Array.isArray(value)) throw new ManifestInvalid(where, `pattern field "${field}" must be an array`);
      // Content filters ({ "prefix": … }) are objects, not strings; the CDK passes them through as written.
      result[key] = value as string[];
    }
  }
  if (Object.keys(result).length === 0) throw new ManifestInvalid(where, 'the event pattern is empty');
  return result;
}
