import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Env } from '../../platform/environment.ts';
import type { Manifest } from '../../platform/manifest-types.ts';
import type { StackNames } from '../naming.ts';

export interface EnvironmentRefs {
  names: StackNames;
  tables: ReadonlyMap<string, ITableV2>;
  buses: ReadonlyMap<string, IEventBus>;
  queues: ReadonlyMap<string, IQueue>;
  timerScheduleGroupName: string;
  schedulerRoleArn: string;
  webhookSecretArn: string;
}

/**
 * The environment every function gets on AWS: the same names (platform/environment.ts) the local
 * runtime sets (local/runtime/environment.ts), holding the AWS resources' names and ARNs, plus
 * the Powertools settings. Names are not permissions: what a function may do comes from its
 * manifest `access` (function-access.ts).
 */
export function functionEnvironment(manifest: Manifest, refs: EnvironmentRefs): Record<string, string> {
  const env: Record<string, string> = {
    POWERTOOLS_SERVICE_NAME: manifest.app,
    POWERTOOLS_METRICS_NAMESPACE: manifest.app,
    POWERTOOLS_LOG_LEVEL: 'INFO',
    NODE_OPTIONS: '--enable-source-maps',
    [Env.timerScheduleGroup]: refs.timerScheduleGroupName,
    [Env.schedulerRoleArn]: refs.schedulerRoleArn,
    [Env.webhookSecretArn]: refs.webhookSecretArn,
  };
  for (const [id, table] of refs.tables) env[Env.table(id)] = table.tableName;
  for (const [id, bus] of refs.buses) env[Env.bus(id)] = bus.eventBusName;
  for (const [id, queue] of refs.queues) env[Env.queueUrl(id)] = queue.queueUrl;
  for (const workflow of manifest.workflows) env[Env.workflowArn(workflow.id)] = refs.names.stateMachineArn(workflow.id);
  for (const fn of manifest.functions) env[Env.functionArn(fn.id)] = refs.names.functionArn(fn.id);
  return env;
}
