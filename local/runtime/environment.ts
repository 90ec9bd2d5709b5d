import { Env } from '../../platform/environment.ts';
import type { Manifest } from '../../platform/manifest-types.ts';
import type { EdgeCredentials } from '../edge/credentials.ts';
import type { LocalNames } from './names.ts';
import { LOCAL_REGION } from './names.ts';

/**
 * The environment the stack would give the functions, pointed at this machine: resource names
 * from the manifest, and the SDK's standard endpoint and credential variables aimed at the edge
 * port (its data directory's key, local/edge/credentials.ts) so that handlers reach the emulators
 * with no local branch in their code.
 */
export function runtimeEnvironment(
  manifest: Manifest,
  names: LocalNames,
  edgeUrl: string,
  secrets: { webhookSecret: string; pageTokenSecret: string; awsCredentials?: EdgeCredentials },
  queueUrls: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const env: Record<string, string> = {
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    ...(secrets.awsCredentials ? { AWS_ACCESS_KEY_ID: secrets.awsCredentials.accessKeyId, AWS_SECRET_ACCESS_KEY: secrets.awsCredentials.secretAccessKey } : {}),
    AWS_ENDPOINT_URL: edgeUrl,
    AWS_ENDPOINT_URL_DYNAMODB: edgeUrl,
    AWS_ENDPOINT_URL_SFN: edgeUrl,
    AWS_ENDPOINT_URL_EVENTBRIDGE: edgeUrl,
    AWS_ENDPOINT_URL_SCHEDULER: edgeUrl,
    AWS_ENDPOINT_URL_LAMBDA: edgeUrl,
    AWS_ENDPOINT_URL_SQS: edgeUrl,
    POWERTOOLS_SERVICE_NAME: manifest.app,
    [Env.webhookSecret]: secrets.webhookSecret,
    [Env.pageTokenSecret]: secrets.pageTokenSecret,
    [Env.timerScheduleGroup]: names.timerScheduleGroup(),
    [Env.schedulerRoleArn]: names.schedulerRoleArn(),
  };
  for (const table of manifest.tables) env[Env.table(table.id)] = names.physical(table.id);
  for (const bus of manifest.buses) env[Env.bus(bus.id)] = names.physical(bus.id);
  for (const workflow of manifest.workflows) env[Env.workflowArn(workflow.id)] = names.stateMachineArn(workflow.id);
  for (const fn of manifest.functions) env[Env.functionArn(fn.id)] = names.functionArn(fn.id);
  for (const [queueId, url] of Object.entries(queueUrls)) env[Env.queueUrl(queueId)] = url;
  return env;
}
