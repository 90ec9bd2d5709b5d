import { Annotations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import type { FunctionDecl, Manifest } from '../../platform/manifest-types.ts';
import type { StackNames } from '../naming.ts';
import { lookup } from './lookup.ts';

export interface AccessRefs {
  manifest: Manifest;
  names: StackNames;
  tables: ReadonlyMap<string, ITableV2>;
  buses: ReadonlyMap<string, IEventBus>;
  queues: ReadonlyMap<string, IQueue>;
  timerScheduleGroupName: string;
  timerRole: IRole;
  webhookSecret: ISecret;
  pageTokenSecret: ISecret;
}

/** The Step Functions actions each manifest workflow access level allows. */
export const WorkflowActions = {
  start: ['states:StartExecution'],
  callback: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
  stop: ['states:StopExecution', 'states:DescribeExecution'],
} as const;

/** The EventBridge Scheduler actions a function with `scheduler` access has on the SLA timer group. */
export const SchedulerActions = ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:GetSchedule', 'scheduler:DeleteSchedule'] as const;

/** Grants a function's role exactly what its manifest `access` declares. */
export function grantAccess(role: IRole, decl: FunctionDecl, refs: AccessRefs): void {
  const where = `function ${decl.id}`;
  for (const { id, access } of decl.access.tables ?? []) {
    const table = lookup(refs.tables, id, 'table', where);
    if (access === 'read') table.grantReadData(role);
    else table.grantReadWriteData(role);
    suppress(role, 'Queries use the global secondary indexes the manifest declares for this table; the wildcard covers only its indexes.', { regex: '/^Resource::<.+\\.Arn>\\/index\\/\\*$/g' });
  }
  for (const id of decl.access.buses ?? []) lookup(refs.buses, id, 'bus', where).grantPutEventsTo(role);
  for (const id of decl.access.queues ?? []) lookup(refs.queues, id, 'queue', where).grantSendMessages(role);
  const workflowIds = new Set(refs.manifest.workflows.map((w) => w.id));
  for (const { id, access } of decl.access.workflows ?? []) {
    // State machine ARNs come from names, so the grant can precede the workflow's declaration (the lifecycles land one by one).
    if (!workflowIds.has(id)) Annotations.of(role).addWarningV2(`sla-platform:undeclared-workflow:${id}`, `${where} refers to workflow "${id}", which the manifest does not declare (yet)`);
    const resource = access === 'stop' ? refs.names.executionsArn(id) : refs.names.stateMachineArn(id);
    role.addToPrincipalPolicy(new PolicyStatement({ actions: [...WorkflowActions[access]], resources: [resource] }));
    if (access === 'stop') {
      suppress(role, 'Stops executions of one state machine; execution names are case ids known only at run time.', {
        regex: '/^Resource::arn:(<AWS::Partition>|[a-z-]+):states:.+:execution:[^:]+:\\*$/g',
      });
    }
  }
  if (decl.access.scheduler === true) {
    role.addToPrincipalPolicy(new PolicyStatement({ actions: [...SchedulerActions], resources: [refs.names.schedulesArn(refs.timerScheduleGroupName)] }));
    suppress(role, 'SLA timers are one-time schedules named per step at run time; the wildcard is confined to the SLA timer schedule group.', {
      regex: '/^Resource::arn:(<AWS::Partition>|[a-z-]+):scheduler:.+:schedule\\/[^/]+\\/\\*$/g',
    });
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [refs.timerRole.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
  }
  if (readsWebhookSecret(decl, refs.manifest)) refs.webhookSecret.grantRead(role);
  if (decl.access.pageTokenSecret === true) refs.pageTokenSecret.grantRead(role);
}

function suppress(role: IRole, reason: string, appliesTo: string | { regex: string }): void {
  NagSuppressions.addResourceSuppressions(role, [{ id: 'AwsSolutions-IAM5', reason, appliesTo: [appliesTo] }], true);
}

/** `access.webhookSecret`, or — while no function declares it — serving a `public` route. */
export function readsWebhookSecret(decl: FunctionDecl, manifest: Manifest): boolean {
  const declared = manifest.functions.some((fn) => fn.access.webhookSecret !== undefined);
  if (declared) return decl.access.webhookSecret === true;
  return manifest.routes.some((route) => route.auth === 'public' && route.function === decl.id);
}
