import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { WorkflowDecl } from '../../platform/manifest-types.ts';
import { ManifestInvalid } from '../errors.ts';
import { constructId, type StackNames } from '../naming.ts';
import { lookup } from './lookup.ts';

export interface WorkflowsProps {
  workflows: readonly WorkflowDecl[];
  root: string;
  names: StackNames;
  functions: ReadonlyMap<string, IFunction>;
  logRetention: RetentionDays;
}

/**
 * One Standard state machine per manifest workflow, from its ASL file, with each `${name}`
 * substitution resolved to its function's ARN; the state machine may invoke exactly those
 * functions. Logging (ALL events) and X-Ray tracing are on.
 */
export class Workflows extends Construct {
  readonly byId: ReadonlyMap<string, StateMachine>;

  constructor(scope: Construct, id: string, props: WorkflowsProps) {
    super(scope, id);
    const byId = new Map<string, StateMachine>();
    for (const decl of props.workflows) {
      const where = `workflow ${decl.id}`;
      const definition = readDefinition(props.root, decl);
      const used = substitutionNames(definition);
      const missing = [...used].filter((name) => !(name in decl.functions));
      if (missing.length > 0) throw new ManifestInvalid(where, `${decl.definition} uses \${${missing.join('}, ${')}} but the manifest maps no function to it`);
      const unused = Object.keys(decl.functions).filter((name) => !used.has(name));
      if (unused.length > 0) Annotations.of(this).addWarningV2(`sla-platform:unused-substitution:${decl.id}`, `${where}: ${decl.definition} never uses ${unused.join(', ')}`);

      const functions = Object.entries(decl.functions).map(([name, fnId]) => [name, lookup(props.functions, fnId, 'function', where)] as const);
      const stateMachineName = props.names.physical(decl.id, 80);
      const logGroup = new LogGroup(this, `${constructId(decl.id)}Logs`, { logGroupName: `/aws/vendedlogs/states/${stateMachineName}`, retention: props.logRetention });
      const stateMachine = new StateMachine(this, constructId(decl.id), {
        stateMachineName,
        stateMachineType: StateMachineType.STANDARD,
        definitionBody: DefinitionBody.fromString(definition),
        definitionSubstitutions: Object.fromEntries(functions.map(([name, fn]) => [name, fn.functionArn])),
        // Execution data holds customers' order details; the events alone locate a failure.
        logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
        tracingEnabled: true,
      });
      for (const [, fn] of functions) fn.grantInvoke(stateMachine);
      NagSuppressions.addResourceSuppressions(
        stateMachine.role,
        [
          {
            id: 'AwsSolutions-IAM5',
            reason: 'Step Functions log delivery (logs:*LogDelivery, DescribeLogGroups, PutResourcePolicy) and X-Ray tracing support no resource-level permissions.',
            appliesTo: ['Resource::*'],
          },
          {
            id: 'AwsSolutions-IAM5',
            reason: "The CDK's invoke grant covers the substituted functions' versions and aliases (<arn>:*); it names only the functions the manifest maps.",
            appliesTo: [{ regex: '/^Resource::<.+\\.Arn>:\\*$/g' }],
          },
        ],
        true,
      );
      byId.set(decl.id, stateMachine);
    }
    this.byId = byId;
  }
}

function readDefinition(root: string, decl: WorkflowDecl): string {
  const where = `workflow ${decl.id}`;
  let text: string;
  try {
    text = readFileSync(join(root, decl.definition), 'utf8');
  } catch {
    throw new ManifestInvalid(where, `definition ${decl.definition} cannot be read`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ManifestInvalid(where, `definition ${decl.definition} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || !('StartAt' in parsed) || !('States' in parsed)) {
    throw new ManifestInvalid(where, `definition ${decl.definition} has no StartAt and States`);
  }
  return text;
}

/** The `${name}` definition substitutions an ASL text uses. */
export function substitutionNames(definition: string): Set<string> {
  return new Set([...definition.matchAll(/\$\{([A-Za-z0-9_.-]+)\}/g)].map((match) => match[1]!));
}
