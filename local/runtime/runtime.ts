import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Env } from '../../platform/environment.ts';
import type { Manifest } from '../../platform/manifest-types.ts';
import { workflowDefinition } from '../../app/workflow-definitions.ts';
import { systemClock, type Clock } from '../../core/time/clock.ts';
import { getDefaultPolicy, loadPolicy } from '../../policy/load.ts';
import { readSeedJson, seedPolicyVersions } from '../../functions/shared/policy-seed.ts';
import { OPERATOR } from '../../functions/staff-api/policy-version-schemas.ts';
import { DYNAMODB_TARGET_PREFIX } from '../dynamodb/embedded/embedded-dynamodb.ts';
import { edgeCredentials, type EdgeCredentials } from '../edge/credentials.ts';
import { DEFAULT_EDGE_HOST, edgeAddress } from '../edge/edge-address.ts';
import { edgeGuard } from '../edge/edge-guard.ts';
import { createEdgeServer, type EdgeService } from '../edge/edge-server.ts';
import { InProcessHandler } from '../edge/in-process-handler.ts';
import { LAMBDA_PATH_PREFIX, lambdaInvokeApi } from '../edge/lambda-api.ts';
import { EDGE_REQUEST_LIMITS } from '../edge/request-limits.ts';
import { createGateway } from '../gateway/server.ts';
import type { LocalRoute } from '../gateway/local-routes.ts';
import { AccountStore, accountsPath } from '../identity/accounts.ts';
import { loginRoute } from '../sign-in/login-route.ts';
import { LoginThrottle } from '../sign-in/login-throttle.ts';
import { signingKey } from '../identity/tokens.ts';
import { pageTokenSecret, webhookSecret } from '../identity/webhook-secret.ts';
import { isFunctionError, LambdaInvoker, type InvocationStats } from '../lambda/invoker.ts';
import { WorkerPool } from '../lambda/workers/worker-pool.ts';
import { createEventBridgeLocal, type EventBridgeLocal } from '../eventbridge/index.ts';
import { createSchedulerLocal, type SchedulerLocal } from '../scheduler/index.ts';
import { createSqsLocal, type SqsLocal } from '../sqs/sqs-local.ts';
import { createSfnLocal, TARGET_PREFIX, type LambdaInvokeResult, type PutEventsResult, type SfnLocal } from '../sfn/index.ts';
import { createDependencies, useDependencies, type Dependencies } from '../../functions/shared/dependencies.ts';
import { readConfig } from '../../functions/shared/config.ts';
import { awsClients } from '../../functions/shared/aws-clients.ts';
import { Activity, awsOperation } from './activity.ts';
import { startDynamoDbHome, type DynamoDbHome } from './dynamodb-home.ts';
import { DynamoDbMeter, type DynamoDbUsage } from './dynamodb-meter.ts';
import { StorageHealth, type StorageReporter } from '../storage/storage-health.ts';
import { lockDataDir } from './data-lock.ts';
import { restrictDataDir } from './data-permissions.ts';
import { checkDataDir } from './data-integrity.ts';
import { listen } from './listen.ts';
import { writePolicyMirror } from './policy-mirror.ts';
import { routeBodyLimits } from './body-limits.ts';
import { runtimeEnvironment } from './environment.ts';
import { LOCAL_ACCOUNT, LOCAL_REGION, LocalNames } from './names.ts';

/** The activity kind of HTTP API requests (edge requests are kinded by AWS operation). */
const HTTP_API = 'http-api';

/** See RuntimeOptions.awsTransport. */
export type AwsTransport = 'in-process' | 'http';

/** See RuntimeOptions.functionRuntime. */
export type FunctionRuntime = 'in-process' | 'workers';

export interface RuntimeOptions {
  manifest: Manifest;
  /** Repository root: handler entries and ASL files are relative to it. */
  root: string;
  dataDir: string;
  /** Address of the HTTP API (and the console). */
  host: string;
  /**
   * Address of the edge port (the AWS emulators): loopback (`127.0.0.1`, the default) whatever
   * `host` is; anything else only when asked for separately (`npm start --edge-host`).
   */
  edgeHost?: string;
  /** The real clock SigV4's `X-Amz-Date` is checked against (default: the system clock; the SDK signs with it, not with `clock`). */
  signatureClock?: Clock;
  /** HTTP API port (0: any free port). */
  port: number;
  /** Shared edge port of the AWS emulators (0: any free port). */
  edgePort: number;
  /** The platform's time, handlers' included: the system clock, or a VirtualClock for demos and tests. */
  clock: Clock;
  /** A policy file replacing the shipped default for the whole platform (handlers read it through SLA_POLICY_PATH). Throws PolicyInvalid before anything starts. */
  policyPath?: string;
  /** The real clock of transport checks (webhook signature freshness) when `clock` is shifted (`npm start --time`); default `clock`. */
  transportClock?: Clock;
  /** DynamoDB on this machine: the embedded store (default, no Java) or DynamoDB Local (`java`). */
  dynamodb?: DynamoDbHome;
  /**
   * How the in-process handlers' AWS SDK clients reach the emulators: handed to the edge's server
   * in this process (`in-process`, default: no sockets, no HTTP parsing) or over HTTP to the edge
   * port (`http`, as any other client of the edge does).
   */
  awsTransport?: AwsTransport;
  /**
   * Where the Lambda handlers run: in this thread (`in-process`, the default — tests install
   * fakes with `useDependencies` in this module graph) or on a pool of worker threads (`workers`,
   * local/lambda/workers/: `npm start` and the benches), each with its own module graph.
   */
  functionRuntime?: FunctionRuntime;
  /** Worker threads of the `workers` function runtime (default: os.availableParallelism()). */
  workers?: number;
  /** More routes the runtime serves itself (api.md "Local home only"), besides `POST /auth/login`. */
  localRoutes?: readonly LocalRoute[];
  /**
   * The one-robot alarm shortcut (docs/alarms.md) for this runtime's notify function: sets
   * `ALARM_WEBHOOK_URL`/`_KIND`/`_SECRET` while it runs. Without it, the process environment's
   * values (if any) apply, as under `npm start`.
   */
  alarmWebhook?: { url: string; kind?: string; secret?: string };
  log: (message: string, fields?: Record<string, unknown>) => void;
  /** Free space the data directory keeps in reserve: below it the HTTP API refuses writes with 503 (default 32 MiB). */
  minFreeBytes?: number;
}

const DEFAULT_MIN_FREE_BYTES = 32 * 1024 * 1024;

/** What the platform has done since it started: the figures AWS bills by. */
export interface RuntimeUsage {
  /** AWS API calls the handlers and emulators made through the edge port, by operation. */
  awsOperations: Record<string, number>;
  /** Requests the HTTP API received (webhooks and staff calls). */
  httpApiRequests: number;
  functions: Record<string, InvocationStats>;
  dynamodb: DynamoDbUsage;
}

export interface Runtime {
  apiUrl: string;
  edgeUrl: string;
  /** The data directory's key: the only one the edge accepts (local/edge/credentials.ts). */
  credentials: EdgeCredentials;
  names: LocalNames;
  invoker: LambdaInvoker;
  /** The worker threads running the handlers (RuntimeOptions.functionRuntime `workers`); absent when they run in this thread. */
  workers?: WorkerPool;
  sfn: SfnLocal;
  eventBridge: EventBridgeLocal;
  scheduler: SchedulerLocal;
  webhookSecret: string;
  /** Whether the stores can write (a full disk), as `/healthz` reports it. */
  health: StorageHealth;
  /**
   * Resolves once everything set off so far has finished — requests, invocations, event and
   * schedule deliveries, workflow states — and only timers remain: a VirtualClock's driver calls
   * it before moving time on.
   */
  settle(): Promise<void>;
  usage(): RuntimeUsage;
  /** Stops every server and emulator, committing what is pending. */
  stop(): Promise<void>;
}

/**
 * Boots the whole platform on one machine from the manifest: DynamoDB (the embedded store, or DynamoDB Local), the Step Functions
 * emulator, the Lambda invoker, the edge port and the HTTP API — the same handlers and ASL files
 * as on AWS, with state under `dataDir` so that a restart resumes everything.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { manifest, clock, log } = options;
  const policyPath = options.policyPath === undefined ? undefined : resolve(options.policyPath);
  const policy = policyPath === undefined ? getDefaultPolicy() : loadPolicy(policyPath);
  const unlock = lockDataDir(options.dataDir);
  try {
    // Before any store opens: a damaged store must not start as if new.
    checkDataDir(options.dataDir, options.dynamodb ?? 'embedded');
  } catch (error) {
    unlock();
    throw error;
  }
  const credentials = edgeCredentials(options.dataDir);
  const edgeHost = options.edgeHost ?? DEFAULT_EDGE_HOST;
  restrictDataDir(options.dataDir);
  const names = new LocalNames(manifest);
  const cleanup: (() => Promise<void> | void)[] = [unlock];
  const activity = new Activity();
  const dynamoMeter = new DynamoDbMeter();
  try {
    // A full disk stops the API from taking work (503) and shows on /healthz; the stores retry their writes.
    const health = new StorageHealth(() => clock.now(), { dir: options.dataDir, minFreeBytes: options.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES });
    const reporter: StorageReporter = {
      failed: (store, error) => {
        log('storage cannot write; refusing work until it can', { store, error: error.message });
        health.failed(store, error);
      },
      recovered: (store) => {
        log('storage writes again', { store });
        health.recovered(store);
      },
    };
    // DynamoDB Local sits behind the edge: it stays on loopback, whatever --host says.
    const dynamo = await startDynamoDbHome(options.dynamodb ?? 'embedded', { dataDir: options.dataDir, host: DEFAULT_EDGE_HOST, clock, manifest, names, health: reporter, log });
    cleanup.unshift(() => dynamo.stop());

    // Handlers on worker threads reach the edge through the main thread's in-process transport (set once the edge exists).
    const edgeDispatch: { handler?: InProcessHandler } = {};
    const inProcessAws = (options.awsTransport ?? 'in-process') === 'in-process';
    const pool =
      options.functionRuntime === 'workers'
        ? new WorkerPool({ clock, transportClock: options.transportClock ?? clock, credentials, ...(options.workers ? { size: options.workers } : {}), ...(inProcessAws ? { edge: () => edgeDispatch.handler } : {}), onCrash: log })
        : undefined;
    if (pool) cleanup.unshift(() => pool.close());
    const invoker = new LambdaInvoker(manifest.functions, {
      root: options.root,
      clock,
      region: LOCAL_REGION,
      account: LOCAL_ACCOUNT,
      physicalName: (id) => names.physical(id),
      onInvoke: () => activity.begin(),
      ...(pool ? { pool } : {}),
    });
    const sfn = createSfnLocal({
      data: join(options.dataDir, 'sfn'),
      clock,
      region: LOCAL_REGION,
      accountId: LOCAL_ACCOUNT,
      health: reporter,
      integrations: {
        // The invoker returns JSON-serialised payloads, which is what the engine's Json type describes.
        invokeLambda: (functionName, payload) => invoker.invoke(functionName, payload) as Promise<LambdaInvokeResult>,
        putEvents: async (entries) => (await eventBridge.request('PutEvents', { Entries: entries })).body as PutEventsResult,
      },
    });
    cleanup.unshift(() => sfn.close());

    // Event rules and schedules reach their targets the same way: a rejection has the delivery retried.
    const targets = {
      invokeLambda: async (arn: string, payload: string): Promise<void> => {
        const result = await invoker.invoke(arn, JSON.parse(payload));
        if (isFunctionError(result)) throw new Error(`${arn}: ${result.errorType}: ${result.errorMessage}`);
      },
      startExecution: async (arn: string, input: string): Promise<void> => {
        const answer = await sfn.request('StartExecution', { stateMachineArn: arn, input });
        if (answer.status !== 200) throw new Error(`${arn}: ${JSON.stringify(answer.body)}`);
      },
    };
    const eventBridge: EventBridgeLocal = createEventBridgeLocal({
      data: join(options.dataDir, 'eventbridge'),
      clock,
      region: LOCAL_REGION,
      accountId: LOCAL_ACCOUNT,
      dispatcher: targets,
      health: reporter,
      onDeadLetter: (entry) => log('event delivery given up', { deadLetter: entry }),
    });
    cleanup.unshift(() => eventBridge.close());
    await registerEventRouting(eventBridge, manifest, names);

    const scheduler: SchedulerLocal = createSchedulerLocal({
      data: join(options.dataDir, 'scheduler'),
      clock,
      region: LOCAL_REGION,
      accountId: LOCAL_ACCOUNT,
      health: reporter,
      dispatcher: {
        ...targets,
        putEvent: async (busArn, entry) => {
          const answer = await eventBridge.request('PutEvents', { Entries: [{ ...entry, EventBusName: busArn }] });
          if (answer.status !== 200 || (answer.body as PutEventsResult).FailedEntryCount > 0) throw new Error(`PutEvents to ${busArn} failed`);
        },
      },
      onDeadLetter: (entry) => log('scheduled invocation given up', { deadLetter: entry }),
    });
    cleanup.unshift(() => scheduler.close());
    registerSchedules(scheduler, manifest, names);

    let edgeUrl = '';
    const sqs: SqsLocal = createSqsLocal({
      data: join(options.dataDir, 'sqs'),
      clock,
      region: LOCAL_REGION,
      accountId: LOCAL_ACCOUNT,
      baseUrl: () => edgeUrl,
      // Lambda's event source mapping: the handler's result (a partial batch response) decides.
      invoke: async (arn, event) => {
        const result = await invoker.invoke(arn, event);
        if (isFunctionError(result)) throw new Error(`${arn}: ${result.errorType}: ${result.errorMessage}`);
        return result;
      },
      onDeadLetter: (entry) => log('queue message given up', { deadLetter: entry }),
      health: reporter,
    });
    cleanup.unshift(() => sqs.close());

    const services: EdgeService[] = [
      { name: 'dynamodb', targetPrefix: DYNAMODB_TARGET_PREFIX, listener: dynamo.listener, maxRequestBytes: EDGE_REQUEST_LIMITS.dynamodb },
      { name: 'states', targetPrefix: TARGET_PREFIX, listener: sfn.listener, maxRequestBytes: EDGE_REQUEST_LIMITS.states },
      { name: 'events', targetPrefix: eventBridge.targetPrefix, listener: eventBridge.listener, maxRequestBytes: EDGE_REQUEST_LIMITS.events },
      { name: 'sqs', targetPrefix: sqs.targetPrefix, listener: sqs.listener, maxRequestBytes: EDGE_REQUEST_LIMITS.sqs },
      ...scheduler.pathPrefixes.map((pathPrefix) => ({ name: 'scheduler', pathPrefix, listener: scheduler.listener, maxRequestBytes: EDGE_REQUEST_LIMITS.scheduler })),
      {
        name: 'lambda',
        pathPrefix: LAMBDA_PATH_PREFIX,
        maxRequestBytes: EDGE_REQUEST_LIMITS.lambda,
        listener: lambdaInvokeApi(
          (name, payload) => invoker.invoke(name, payload),
          (e) => log('lambda invoke failed', { error: String(e) }),
          (name) => void invoker.resolve(name),
        ),
      },
    ];
    let allowedHosts: ReadonlySet<string> | 'any' = new Set();
    const guard = edgeGuard({ credentials, region: LOCAL_REGION, allowedHosts: () => allowedHosts, now: () => (options.signatureClock ?? systemClock).now() });
    const edge = createEdgeServer(services, (e) => log('edge error', { error: String(e) }), guard);
    activity.watch(edge, awsOperation);
    dynamoMeter.watch(edge);
    await listen(edge, options.edgePort, edgeHost, { port: 'EDGE_PORT / --edge-port', host: 'EDGE_HOST / --edge-host' });
    ({ url: edgeUrl, allowedHosts } = edgeAddress(edgeHost, (edge.address() as AddressInfo).port));
    cleanup.unshift(() => close(edge));
    const queueUrls = await registerQueues(sqs, manifest, names);

    const secret = webhookSecret(options.dataDir);
    Object.assign(process.env, runtimeEnvironment(manifest, names, edgeUrl, { webhookSecret: secret, pageTokenSecret: pageTokenSecret(options.dataDir), awsCredentials: credentials }, queueUrls));
    // The handlers run in this process and read their policy from the environment: this runtime's, or the default.
    cleanup.unshift(scopedEnv({ [Env.policyPath]: policyPath }));
    // The people are the accounts of `npm run user` (issue 23, docs/people.md).
    cleanup.unshift(scopedEnv({ [Env.peopleAccountsFile]: accountsPath(options.dataDir) }));
    if (options.alarmWebhook !== undefined) {
      const { url, kind, secret: robotSecret } = options.alarmWebhook;
      cleanup.unshift(scopedEnv({ [Env.alarmWebhookUrl]: url, [Env.alarmWebhookKind]: kind, [Env.alarmWebhookSecret]: robotSecret }));
    }
    // The handlers run in this process: they get the runtime's clock, and AWS clients built from the environment above.
    const requestHandler = inProcessAws ? new InProcessHandler(edge, () => edgeUrl) : undefined;
    edgeDispatch.handler = requestHandler;
    const deps = createDependencies(readConfig(), { clock, transportClock: options.transportClock ?? clock, clients: awsClients({ credentials, ...(requestHandler ? { requestHandler } : {}) }) });
    useDependencies(deps);
    cleanup.unshift(() => useDependencies(undefined));
    // The policy is a versioned document of the platform (docs/policy.md, "Versions"): the file seeds version 1, a new file a new version.
    // `sla --data <dir>` reads the version in force from the directory.
    deps.policyCache?.onLoad((version) => writePolicyMirror(options.dataDir, version));
    await seedAtStart(deps, policyPath, clock, log);

    for (const workflow of manifest.workflows) {
      await registerWorkflow(sfn, workflow.id, names, workflowDefinition(workflow, (id) => names.functionArn(id), options.root));
    }
    const resumed = sfn.resume();
    if (resumed) log(`resumed ${resumed} running executions`);
    // Fires, once each, the timers and batches that fell due while the runtime was down.
    scheduler.start();
    sqs.start();

    const key = signingKey(options.dataDir);
    const accounts = new AccountStore(accountsPath(options.dataDir), [...policy.roles.keys(), OPERATOR], () => clock.now());
    const login = loginRoute({
      accounts,
      signingKey: key,
      clock,
      throttle: new LoginThrottle(clock),
      zone: policy.zone,
      onError: (e) => log('login error', { error: String(e) }),
    });
    const gateway = createGateway({
      routes: manifest.routes,
      localRoutes: [login, ...(options.localRoutes ?? [])],
      invoke: (id, event) => invoker.invoke(id, event),
      signingKey: key,
      // `user remove` / `user passwd` revoke the user's tokens from the next request on.
      tokenGeneration: (user) => accounts.tokenGeneration(user),
      bodyLimit: routeBodyLimits(manifest.routes),
      clock,
      accountId: LOCAL_ACCOUNT,
      onError: (e) => log('api error', { error: String(e) }),
      health,
    });
    activity.watch(gateway, () => HTTP_API);
    // Every store, key and log has its file by now: none readable by other users.
    restrictDataDir(options.dataDir);
    const apiUrl = await listen(gateway, options.port, options.host, { port: 'PORT / --port', host: 'HOST / --host' });
    cleanup.unshift(() => close(gateway));
    // Alarms link to the console this runtime serves, unless the environment names another.
    cleanup.unshift(scopedEnv({ [Env.alarmConsoleUrl]: process.env[Env.alarmConsoleUrl] ?? `${apiUrl}/console/` }));

    return {
      apiUrl,
      edgeUrl,
      credentials,
      names,
      invoker,
      ...(pool ? { workers: pool } : {}),
      sfn,
      eventBridge,
      scheduler,
      webhookSecret: secret,
      health,
      settle: () => settle(activity, [eventBridge, scheduler, sqs]),
      usage: () => {
        const { [HTTP_API]: httpApiRequests = 0, ...awsOperations } = activity.counts();
        return { awsOperations, httpApiRequests, functions: invoker.stats(), dynamodb: dynamoMeter.snapshot() };
      },
      async stop() {
        for (const step of cleanup.splice(0)) await step();
      },
    };
  } catch (error) {
    for (const step of cleanup.splice(0)) await Promise.resolve(step()).catch(() => {});
    throw error;
  }
}

/**
 * Waits until a whole round passes in which nothing was in flight and nothing new began. Every
 * piece of work crosses the invoker or a server (both counted by `activity`) or an emulator's
 * delivery queue; workflow states between them run on promise callbacks and immediates.
 */
async function settle(activity: Activity, queues: readonly { idle(): Promise<void> }[]): Promise<void> {
  let seen = -1;
  for (;;) {
    await activity.idle();
    for (const queue of queues) await queue.idle();
    for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    if (!activity.busy && activity.begun === seen) return;
    seen = activity.begun;
  }
}

/** The manifest's buses and rules on the EventBridge emulator (alarm events reach the robots through the notify function's rule). */
async function registerEventRouting(eventBridge: EventBridgeLocal, manifest: Manifest, names: LocalNames): Promise<void> {
  const call = async (operation: string, body: object): Promise<void> => {
    const answer = await eventBridge.request(operation, body);
    if (answer.status !== 200 && !(operation === 'CreateEventBus' && (answer.body as { __type?: string }).__type === 'ResourceAlreadyExistsException')) {
      throw new Error(`EventBridge ${operation}: ${JSON.stringify(answer.body)}`);
    }
  };
  for (const bus of manifest.buses) {
    await call('CreateEventBus', { Name: names.physical(bus.id) });
  }
  for (const rule of manifest.rules) {
    const busName = names.physical(rule.bus);
    await call('PutRule', { Name: names.physical(rule.id), EventBusName: busName, EventPattern: JSON.stringify(rule.pattern) });
    const targets = rule.targets.map((t, i) => ({ Id: `t${i}`, Arn: t.function ? names.functionArn(t.function) : names.stateMachineArn(t.workflow as string) }));
    await call('PutTargets', { Rule: names.physical(rule.id), EventBusName: busName, Targets: targets });
  }
}

/** The manifest's queues, created if missing, each mapped to its consumer function; their URLs by queue id. */
async function registerQueues(sqs: SqsLocal, manifest: Manifest, names: LocalNames): Promise<Record<string, string>> {
  const urls: Record<string, string> = {};
  for (const queue of manifest.queues) {
    const answer = await sqs.request('CreateQueue', { QueueName: names.physical(queue.id) });
    if (answer.status !== 200) throw new Error(`queue ${queue.id}: ${JSON.stringify(answer.body)}`);
    urls[queue.id] = (answer.body as { QueueUrl: string }).QueueUrl;
    sqs.subscribe(names.physical(queue.id), names.functionArn(queue.consumer), queue.maximumConcurrency !== undefined ? { maximumConcurrency: queue.maximumConcurrency } : undefined);
  }
  return urls;
}

/** The SLA timers' schedule group and the manifest's recurring schedules (sweep, pickup batches), created or updated. */
function registerSchedules(scheduler: SchedulerLocal, manifest: Manifest, names: LocalNames): void {
  const group = scheduler.request('POST', `/schedule-groups/${names.timerScheduleGroup()}`, {});
  if (group.status !== 200 && group.status !== 409) throw new Error(`schedule group: ${JSON.stringify(group.body)}`);
  for (const schedule of manifest.schedules) {
    const body = {
      ScheduleExpression: schedule.expression,
      ScheduleExpressionTimezone: schedule.timeZone,
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { Arn: names.functionArn(schedule.targetFunction), RoleArn: names.schedulerRoleArn() },
    };
    const path = `/schedules/${names.physical(schedule.id)}`;
    const existing = scheduler.request('GET', path);
    // An unchanged schedule is left alone: updating it would restart its series and drop the
    // fires that fell due while the runtime was down, which start() is about to catch up on.
    if (existing.status === 200 && sameSchedule(existing.body as ScheduleBody, body)) continue;
    const answer = scheduler.request(existing.status === 200 ? 'PUT' : 'POST', path, body);
    if (answer.status !== 200) throw new Error(`schedule ${schedule.id}: ${JSON.stringify(answer.body)}`);
  }
}

interface ScheduleBody {
  ScheduleExpression?: string;
  ScheduleExpressionTimezone?: string;
  Target?: { Arn?: string; RoleArn?: string };
}

function sameSchedule(a: ScheduleBody, b: ScheduleBody): boolean {
  return a.ScheduleExpression === b.ScheduleExpression && a.ScheduleExpressionTimezone === b.ScheduleExpressionTimezone && a.Target?.Arn === b.Target?.Arn && a.Target?.RoleArn === b.Target?.RoleArn;
}

/** Creates the workflow's state machine, or updates it when its ASL changed since the last start. */
async function registerWorkflow(sfn: SfnLocal, workflowId: string, names: LocalNames, definition: string): Promise<void> {
  const stateMachineArn = names.stateMachineArn(workflowId);
  const described = await sfn.request('DescribeStateMachine', { stateMachineArn });
  const answer =
    described.status === 200
      ? (described.body as { definition?: string }).definition === definition
        ? described
        : await sfn.request('UpdateStateMachine', { stateMachineArn, definition })
      : await sfn.request('CreateStateMachine', { name: names.physical(workflowId), definition, roleArn: `arn:aws:iam::${LOCAL_ACCOUNT}:role/${names.physical('workflows')}` });
  if (answer.status !== 200) throw new Error(`workflow ${workflowId}: ${JSON.stringify(answer.body)}`);
}

/** Stores the policy file as version 1 (or as a new version when no stored version has its document), then loads the version in force. */
async function seedAtStart(deps: Dependencies, policyPath: string | undefined, clock: Clock, log: RuntimeOptions['log']): Promise<void> {
  if (deps.policyVersions === undefined) return;
  const stored = await seedPolicyVersions(deps.policyVersions, { document: readSeedJson(policyPath), ...(policyPath !== undefined ? { path: policyPath } : {}) }, clock);
  if (stored !== undefined) log(`policy version ${stored.version} stored: ${stored.reason}`);
  await deps.policyCache?.refresh(true);
  if (deps.policyCache?.version !== undefined) log(`policy version ${deps.policyCache.version} in force`);
}

/** Sets environment variables (undefined: unset) and returns the function that puts the previous values back. */
function scopedEnv(values: Record<string, string | undefined>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  const apply = (vars: Record<string, string | undefined>): void => {
    for (const [name, value] of Object.entries(vars)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(values);
  return () => apply(previous);
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
