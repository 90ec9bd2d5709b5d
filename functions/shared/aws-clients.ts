/**
 * The AWS SDK clients of one function instance: one client per service, built on first use and
 * shared by every adapter (a client holds its connection pool and its credentials cache, so one
 * per service is what the SDK recommends for a Lambda instance).
 *
 * Clients other than DynamoDB's are built with `cacheMiddleware: true`: the SDK then resolves a
 * command's middleware stack once per command class instead of on every `send` (SDK v3 client
 * configuration; the stacks here never change after the first send). DynamoDB's is not: the
 * adapters wrap it in lib-dynamodb's DocumentClient, which refuses that option.
 *
 * `requestHandler` replaces the SDK's HTTP transport: the one-machine home hands requests to its
 * emulators in-process (local/edge/in-process-handler.ts). On AWS none is given and the SDK's
 * own Node HTTP handler is used; the endpoints come from the environment either way. `credentials`
 * likewise: the local home's edge key (local/edge/credentials.ts), or on AWS the role's.
 */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';

/** An SDK request handler: `handle(HttpRequest) → Promise<{ response: HttpResponse }>` (Smithy's HttpHandler). */
export type AwsRequestHandler = NonNullable<DynamoDBClientConfig['requestHandler']>;

export interface AwsClientOptions {
  /** The transport for every client; absent: the SDK's Node HTTP handler. */
  requestHandler?: AwsRequestHandler;
  /** The access key every client signs with; absent: the SDK's default chain (on AWS: the function's role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export interface AwsClients {
  dynamodb(): DynamoDBClient;
  sfn(): SFNClient;
  eventBridge(): EventBridgeClient;
  scheduler(): SchedulerClient;
  sqs(): SQSClient;
  secretsManager(): SecretsManagerClient;
}

/** The clients for `options`, each built on first use and then kept. */
export function awsClients(options: AwsClientOptions = {}): AwsClients {
  const transport = { ...(options.requestHandler ? { requestHandler: options.requestHandler } : {}), ...(options.credentials ? { credentials: options.credentials } : {}) };
  const config = { cacheMiddleware: true, ...transport };
  return {
    dynamodb: once(() => new DynamoDBClient(transport)),
    sfn: once(() => new SFNClient(config)),
    eventBridge: once(() => new EventBridgeClient(config)),
    scheduler: once(() => new SchedulerClient(config)),
    sqs: once(() => new SQSClient(config)),
    secretsManager: once(() => new SecretsManagerClient(config)),
  };
}

function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
