/**
 * The platform's HTTP API in this process for the fuzzer: the real gateway answerer (routing, JWT
 * check, HTTP API v2 events), the real staff-api and storefront-webhook handlers through the
 * Lambda invoker, the real case repository and idempotency store on a fresh table of the run's
 * DynamoDB Local, and the local home's own `POST /auth/login` on an account file of its own;
 * in-memory fakes for Step Functions, Scheduler and EventBridge (test/support/fakes.ts).
 * Before any write call reaches the table, the rig reads the items it touches (their before-images),
 * so that after a request it can tell exactly which items the request changed.
 */
import { DynamoDbQaStore } from '../../../../adapters/qa/dynamodb-qa-store.ts';
import { awsClients } from '../../../../functions/shared/aws-clients.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, GetItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { DynamoDbCaseRepository } from '../../../../adapters/case-repository/dynamodb-case-repository.ts';
import { DynamoDbConversationStore } from '../../../../adapters/chat/dynamodb-conversation-store.ts';
import { PageTokens } from '../../../../adapters/case-repository/pagination.ts';
import { casesTable } from '../../../../adapters/case-repository/table.ts';
import { manifest } from '../../../../app/manifest.ts';
import { VirtualClock } from '../../../../core/time/clock.ts';
import { createOpenStep } from '../../../../functions/open-step/open-step.ts';
import { useDependencies, type Dependencies } from '../../../../functions/shared/dependencies.ts';
import { silentLogger } from '../../../../functions/shared/logger.ts';
import { loadCaseRules } from '../../../../functions/storefront-webhook/case-rules.ts';
import { useIngestDependencies } from '../../../../functions/storefront-webhook/handler.ts';
import { DynamoDbIdempotencyStore } from '../../../../functions/storefront-webhook/idempotency-dynamodb.ts';
import { createAnswerer, type Answerer } from '../../../../local/gateway/answer.ts';
import { AccountStore, accountsPath } from '../../../../local/identity/accounts.ts';
import { loginRoute } from '../../../../local/sign-in/login-route.ts';
import { LoginThrottle } from '../../../../local/sign-in/login-throttle.ts';
import { signingKey } from '../../../../local/identity/tokens.ts';
import { LambdaInvoker } from '../../../../local/lambda/invoker.ts';
import { getDefaultPolicy } from '../../../../policy/load.ts';
import { createTestTable, type TestTable } from '../../../support/dynamodb.ts';
import { secretResolver } from '../../../../adapters/alarms/secrets.ts';
import { useConnectorDependencies } from '../../../../connectors/webhook/handler.ts';
import { DynamoDbVersionStore } from '../../../../connectors/shared/versions-dynamodb.ts';
import { connectorsSchema } from '../../../../policy/connectors.ts';
import { DOUYIN_ORDERS, FUZZ_CONNECTORS, FUZZ_CONNECTOR_SECRETS } from './connectors.ts';
import { douyinOrderDetail } from '../../../../connectors/douyin/sample.ts';
import { FakeDouyinApi } from '../../../support/connectors/douyin.ts';
import { FakeChatTimers, FakeEventPublisher, FakeTimerScheduler, FakeWorkflowGateway } from '../../../support/fakes.ts';

export const WEBHOOK_SECRET = 'whsec-fuzz';
/** The one local account: `POST /auth/login` with it signs in. */
export const FUZZ_ACCOUNT = { user: 'fuzz-supervisor', password: 'fuzz-password' };
/** A low scrypt cost, as the account tests use: the fuzzer tests the route, not the hash. */
const FUZZ_SCRYPT_COST = { N: 1024, r: 8, p: 1 };
const WRITE_COMMAND = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;

type AttributeMap = Record<string, AttributeValue>;

/** The keys a (marshalled) write request touches. */
function keysOfWrite(input: Record<string, unknown>): AttributeMap[] {
  const keyOf = (item: AttributeMap): AttributeMap => ({ pk: item.pk as AttributeValue, sk: item.sk as AttributeValue });
  const keys: AttributeMap[] = [];
  if (input.Item) keys.push(keyOf(input.Item as AttributeMap));
  if (input.Key) keys.push(input.Key as AttributeMap);
  for (const entry of (input.TransactItems ?? []) as Record<string, { Item?: AttributeMap; Key?: AttributeMap }>[]) {
    if (entry.Put?.Item) keys.push(keyOf(entry.Put.Item));
    if (entry.Update?.Key) keys.push(entry.Update.Key);
    if (entry.Delete?.Key) keys.push(entry.Delete.Key);
  }
  for (const requests of Object.values((input.RequestItems ?? {}) as Record<string, { PutRequest?: { Item: AttributeMap }; DeleteRequest?: { Key: AttributeMap } }[]>)) {
    for (const r of requests) keys.push(r.PutRequest ? keyOf(r.PutRequest.Item) : (r.DeleteRequest?.Key as AttributeMap));
  }
  return keys;
}

/** A case the fuzzer can act on: its id and the step opened on it. */
export interface SeededStep {
  caseId: string;
  step: string;
}

export interface FuzzRig {
  answer: Answerer;
  clock: VirtualClock;
  key: Uint8Array;
  seeded: SeededStep[];
  orderIds: string[];
  /** Forgets the items touched so far: call before each request. */
  beginRequest(): void;
  /** Items a write call touched since `beginRequest` whose content now differs from before it (`pk|sk`). */
  changedItems(): Promise<string[]>;
  /** Write calls the table has received so far. */
  writes(): number;
  /** Errors the handlers logged (a 5xx's cause). */
  errors: unknown[];
  close(): Promise<void>;
}

const SEEDS: { type: 'order' | 'complaint' | 'return'; step: string }[] = [
  { type: 'order', step: 'order.review' },
  { type: 'order', step: 'order.pack' },
  { type: 'order', step: 'order.dispatch' },
  { type: 'order', step: 'order.crm-bind' },
  { type: 'complaint', step: 'complaint.resolve' },
  { type: 'complaint', step: 'complaint.callback' },
  { type: 'return', step: 'return.inspect' },
];

export async function startFuzzRig(start: string): Promise<FuzzRig> {
  const table: TestTable = await createTestTable(casesTable);
  // The handlers' client retries as the production one does (the SDK's default 3 attempts): a
  // connection DynamoDB Local resets under load is a transient fault, not the request's.
  const retrying = () => new DynamoDBClient({ endpoint: inject('dynamodbEndpoint'), region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const client = retrying();
  // A second client, outside the counting, reads the before-images.
  const reader = retrying();
  const read = async (key: AttributeMap): Promise<string> => canonical((await reader.send(new GetItemCommand({ TableName: table.tableName, Key: key, ConsistentRead: true }))).Item ?? null);
  let writes = 0;
  const touched = new Map<string, { key: AttributeMap; before: string }>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (WRITE_COMMAND.test(String(context.commandName ?? ''))) {
        writes++;
        for (const key of keysOfWrite(args.input as Record<string, unknown>)) {
          const id = `${key.pk?.S}|${key.sk?.S}`;
          if (!touched.has(id)) touched.set(id, { key, before: await read(key) });
        }
      }
      return next(args);
    },
    // After the document client's marshalling (initialize): the input holds AttributeValues.
    { step: 'build', name: 'beforeImages' },
  );
  const clock = new VirtualClock(start);
  const errors: unknown[] = [];
  const log = silentLogger();
  log.error = (...input: unknown[]) => void errors.push(input);
  const deps: Dependencies = {
    repository: new DynamoDbCaseRepository({ client, tableName: table.tableName, pageTokens: new PageTokens(() => Promise.resolve('fuzz-page-key'), clock) }),
    conversations: new DynamoDbConversationStore({ client, tableName: table.tableName }),
    qa: new DynamoDbQaStore({ client, tableName: table.tableName }),
    chatTimers: new FakeChatTimers(),
    events: new FakeEventPublisher(),
    timers: new FakeTimerScheduler(),
    workflows: new FakeWorkflowGateway(),
    policy: getDefaultPolicy(),
    clock,
    log,
    clients: awsClients(),
  };
  useDependencies(deps);
  useIngestDependencies({
    ...deps,
    caseRules: loadCaseRules(),
    idempotency: new DynamoDbIdempotencyStore({ client, tableName: table.tableName, partition: 'IDEMPOTENCY#storefront-webhook' }),
    secret: () => Promise.resolve(WEBHOOK_SECRET),
  });

  Object.assign(process.env, FUZZ_CONNECTOR_SECRETS);
  const douyinApi = await FakeDouyinApi.start({ appKey: 'fuzz-app', appSecret: FUZZ_CONNECTOR_SECRETS.FUZZ_DOUYIN_SECRET as string, accessToken: FUZZ_CONNECTOR_SECRETS.FUZZ_DOUYIN_TOKEN as string });
  for (const orderId of DOUYIN_ORDERS) douyinApi.addOrder(douyinOrderDetail({ orderId, createdAt: clock.now(), paid: orderId.endsWith('1') }));
  useConnectorDependencies({
    ...deps,
    caseRules: loadCaseRules(),
    connectors: connectorsSchema.parse(FUZZ_CONNECTORS.map((c) => (c.platform === 'douyin' ? { ...c, apiBase: douyinApi.url } : c))),
    secrets: secretResolver(process.env, deps.clients.secretsManager),
    idempotency: new DynamoDbIdempotencyStore({ client, tableName: table.tableName, partition: 'IDEMPOTENCY#connector-webhook' }),
    versions: (platform, shopId) => new DynamoDbVersionStore(client, table.tableName, `CONNECTOR-VERSION#${platform}#${shopId}`),
  });

  const served = new Set(manifest.routes.map((r) => r.function));
  const invoker = new LambdaInvoker(
    manifest.functions.filter((fn) => served.has(fn.id)),
    { root: process.cwd(), clock, region: 'us-east-1', account: '000000000000', physicalName: (id) => id },
  );
  const identityDir = mkdtempSync(join(tmpdir(), 'fuzz-identity-'));
  const key = signingKey(identityDir);
  const accounts = new AccountStore(accountsPath(identityDir), ['supervisor'], () => clock.now(), FUZZ_SCRYPT_COST);
  await accounts.add(FUZZ_ACCOUNT.user, ['supervisor'], FUZZ_ACCOUNT.password);
  const login = loginRoute({ accounts, signingKey: key, clock, throttle: new LoginThrottle(clock), zone: deps.policy.zone, onError: (e) => errors.push(e) });
  const answer = createAnswerer({ routes: manifest.routes, localRoutes: [login], invoke: (id, event) => invoker.invoke(id, event), signingKey: key, clock, accountId: '000000000000', onError: (e) => errors.push(e) });

  const seeded: SeededStep[] = [];
  const orderIds: string[] = [];
  const openStep = createOpenStep(deps);
  for (const [i, { type, step }] of SEEDS.entries()) {
    const caseId = `fuzz-${type}-${i}`;
    const orderId = `SO-FUZZ-${i}`;
    orderIds.push(orderId);
    await deps.repository.createCase({ id: caseId, type, orderId, openedAt: new Date(clock.now()).toISOString(), data: {} });
    await openStep({ caseId, caseType: type, step, taskToken: `tok-${caseId}-${step}` });
    seeded.push({ caseId, step });
  }

  return {
    answer,
    clock,
    key,
    seeded,
    orderIds,
    writes: () => writes,
    errors,
    beginRequest: () => touched.clear(),
    async changedItems() {
      const changed: string[] = [];
      for (const [id, { key, before }] of touched) if ((await read(key)) !== before) changed.push(id);
      return changed;
    },
    async close() {
      useIngestDependencies(undefined);
      useConnectorDependencies(undefined);
      await douyinApi.close();
      useDependencies(undefined);
      reader.destroy();
      client.destroy();
      await table.drop();
    },
  };
}

/** JSON with every object's keys sorted, so equal items give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
