import { mkdtempSync } from 'node:fs';
import { edgeClientConfig } from '../../../local/runtime/edge-client.ts';
import { signedEdgeRequest } from '../../support/edge-request.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutRuleCommand, EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { CreateScheduleCommand, GetScheduleGroupCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Env } from '../../../platform/environment.ts';
import { manifest } from '../../../app/manifest.ts';
import { alarmEventsRule, notifyFunction } from '../../../functions/notify/function.ts';
import type { Manifest } from '../../../platform/manifest-types.ts';
import { VirtualClock } from '../../../core/time/clock.ts';
import { manifestInventory, ResourceKinds, routeKey, type Inventory } from '../../../infra/contract.ts';
import { issueToken, signingKey } from '../../../local/identity/tokens.ts';
import { startRuntime, type Runtime } from '../../../local/runtime/runtime.ts';
import { fixtureManifest } from '../../infra/fixtures/manifest.ts';
import { allSchedules, HTTP_METHODS, localIdOf, probeRoute, rulesByBus, runtimeInventory } from './registry.ts';

// The runtime half of the manifest contract (the template half is test/infra/contract.test.ts):
// every manifest entry is registered by the running runtime's emulators, and nothing else of its
// kind is. Runtimes run one after another: each sets process.env and the handlers' dependencies.

const ALARM_WEBHOOK = 'http://127.0.0.1:9/robot';

/** Paths no manifest declares: near misses of real ones included. */
const STRANGER_PATHS = ['/', '/nope', '/Queue', '/queue/extra', '/webhooks', '/cases/{caseId}/steps', '/cases/{caseId}/steps/{step}'];

function routeCandidates(subject: Manifest): string[] {
  return [...subject.routes.map((r) => r.path), ...STRANGER_PATHS];
}

interface Started {
  runtime: Runtime;
  clock: VirtualClock;
  dataDir: string;
  inventory: Inventory;
}

/** Starts a runtime on free ports and a fresh data directory, and takes its inventory once. */
function useRuntime(subject: Manifest, alarmWebhookUrl?: string): () => Started {
  let started: Started | undefined;
  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'runtime-contract-'));
    const clock = new VirtualClock('2026-11-26T02:00:00Z');
    const runtime = await startRuntime({ manifest: subject, root: process.cwd(), dataDir, host: '127.0.0.1', port: 0, edgePort: 0, clock, ...(alarmWebhookUrl ? { alarmWebhook: { url: alarmWebhookUrl } } : {}), log: () => {} });
    try {
      started = { runtime, clock, dataDir, inventory: await runtimeInventory(runtime, routeCandidates(subject)) };
    } catch (error) {
      await runtime.stop();
      throw error;
    }
  }, 60_000);
  afterAll(async () => {
    if (!started) return;
    await started.runtime.settle();
    await started.runtime.stop();
  });
  return () => {
    if (!started) throw new Error('the runtime did not start');
    return started;
  };
}

describe('the local runtime started from the real manifest (app/manifest.ts), without an alarm webhook', () => {
  const started = useRuntime(manifest);
  const expected = manifestInventory(manifest);

  it.each(ResourceKinds)('registers every manifest entry among its %s, and nothing else of that kind', (kind) => {
    expect(started().inventory[kind]).toEqual(expected[kind]);
  });

  it('has something to compare: the manifest declares tables, functions, workflows, schedules and routes', () => {
    for (const kind of ['tables', 'functions', 'workflows', 'schedules', 'routes'] as const) expect(expected[kind].length, kind).toBeGreaterThan(0);
  });

  it('serves each function by its physical name through the Lambda Invoke API on the edge port, and refuses a name it does not have', async () => {
    const { runtime } = started();
    const invoke = (name: string) => signedEdgeRequest(runtime.edgeUrl, 'lambda', runtime.credentials, { path: `/2015-03-31/functions/${encodeURIComponent(name)}/invocations`, body: '{}' });
    for (const fn of manifest.functions) {
      const before = runtime.usage().functions[fn.id]?.invocations ?? 0;
      const res = await invoke(runtime.names.physical(fn.id));
      expect(res.status, fn.id).toBe(200);
      expect(runtime.usage().functions[fn.id]?.invocations, fn.id).toBe(before + 1);
    }
    await runtime.settle();
    const stranger = await invoke(runtime.names.physical('not-a-function'));
    expect(stranger.status).toBe(404);
    expect(stranger.headers['x-amzn-errortype']).toBe('ResourceNotFoundException');
  });

  it("answers undeclared paths with the gateway's own 404, and declared paths with another method with its 405", async () => {
    const { runtime } = started();
    for (const path of STRANGER_PATHS) {
      for (const method of HTTP_METHODS) {
        const answer = await probeRoute(runtime, method, path);
        expect({ key: answer.key, status: answer.status, verdict: answer.verdict }).toEqual({ key: answer.key, status: 404, verdict: 'no-route' });
      }
    }
    const declared = new Set(manifest.routes.map(routeKey));
    for (const path of new Set(manifest.routes.map((r) => r.path))) {
      for (const method of HTTP_METHODS.filter((m) => !declared.has(`${m} ${path}`))) {
        const answer = await probeRoute(runtime, method, path);
        expect({ key: answer.key, status: answer.status, verdict: answer.verdict }).toEqual({ key: answer.key, status: 405, verdict: 'method-not-allowed' });
      }
    }
  });

  it('refuses every JWT route without a token, before any function runs', async () => {
    const { runtime } = started();
    for (const route of manifest.routes.filter((r) => r.auth === 'jwt')) {
      const answer = await probeRoute(runtime, route.method, route.path);
      expect({ key: answer.key, status: answer.status, invoked: answer.invoked }).toEqual({ key: routeKey(route), status: 401, invoked: [] });
    }
  });

  it('sends every route to its manifest function, which serves it (no "no route" or 405 from the handler either)', async () => {
    const { runtime, clock, dataDir } = started();
    const token = await issueToken({ user: 'contract', roles: ['ops-cs', 'terminal-admin'], key: signingKey(dataDir), nowSeconds: Math.floor(clock.now() / 1000) });
    for (const route of manifest.routes) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(route.auth === 'jwt' ? { authorization: `Bearer ${token}` } : {}) };
      const answer = await probeRoute(runtime, route.method, route.path, headers);
      const code = (answer.body as { error?: { code?: string } } | null)?.error?.code;
      expect({ key: answer.key, invoked: answer.invoked }).toEqual({ key: routeKey(route), invoked: [route.function] });
      expect(['RouteNotFound', 'MethodNotAllowed', 'NotFound'], `${answer.key} answered ${answer.status} ${JSON.stringify(answer.body)}`).not.toContain(code);
      await runtime.settle();
    }
  });

  it('keeps the SLA-timer schedule group for one-time timers only', async () => {
    const { runtime } = started();
    const scheduler = new SchedulerClient(edgeClientConfig(runtime));
    try {
      const group = await scheduler.send(new GetScheduleGroupCommand({ Name: runtime.names.timerScheduleGroup() }));
      expect(group.Name).toBe(runtime.names.timerScheduleGroup());
    } finally {
      scheduler.destroy();
    }
    const timers = (await allSchedules(runtime)).filter((s) => s.group === runtime.names.timerScheduleGroup());
    for (const timer of timers) expect(timer.expression, timer.name).toMatch(/^at\(/);
  });
});

describe('the local runtime started from the real manifest with an alarm robot (ALARM_WEBHOOK_URL)', () => {
  const started = useRuntime(manifest, ALARM_WEBHOOK);
  const expected = manifestInventory(manifest);

  it.each(ResourceKinds)('registers exactly the manifest entries among its %s: the robot adds no rule of its own', (kind) => {
    expect(started().inventory[kind]).toEqual(expected[kind]);
  });

  it('sends alarm events to the notify function, and nothing from the bus straight to the robot URL', async () => {
    const { runtime } = started();
    const rules = await rulesByBus(runtime);
    expect(rules.flatMap((r) => r.targets)).not.toContain(ALARM_WEBHOOK);
    const alarmRule = rules.find((r) => localIdOf(runtime.names, r.rule) === alarmEventsRule.id);
    expect(alarmRule?.targets).toEqual([runtime.names.functionArn(notifyFunction.id)]);
    expect(process.env[Env.alarmWebhookUrl]).toBe(ALARM_WEBHOOK);
  });
});

describe('the local runtime started from a manifest with entries of every kind (test/infra/fixtures/manifest.ts)', () => {
  const started = useRuntime(fixtureManifest);
  const expected = manifestInventory(fixtureManifest);

  it('has an entry of every kind to compare', () => {
    for (const kind of ResourceKinds) expect(expected[kind].length, kind).toBeGreaterThan(0);
  });

  it.each(ResourceKinds)('registers every manifest entry among its %s, and nothing else of that kind', (kind) => {
    expect(started().inventory[kind]).toEqual(expected[kind]);
  });

  it('puts each rule on its manifest bus, aimed at its manifest targets', async () => {
    const { runtime } = started();
    const rules = await rulesByBus(runtime);
    const actual = rules.map((r) => ({ bus: localIdOf(runtime.names, r.bus), rule: localIdOf(runtime.names, r.rule), targets: r.targets }));
    const declared = fixtureManifest.rules.map((rule) => ({
      bus: rule.bus,
      rule: rule.id,
      targets: rule.targets.map((t) => (t.function ? runtime.names.functionArn(t.function) : runtime.names.stateMachineArn(t.workflow as string))),
    }));
    expect(actual.sort((a, b) => a.rule.localeCompare(b.rule))).toEqual(declared.sort((a, b) => a.rule.localeCompare(b.rule)));
  });

  // Last: it adds strangers to this runtime.
  it('notices what the emulators hold beyond the manifest: a stray table, state machine, schedule and rule each show up', async () => {
    const { runtime } = started();
    const ddb = new DynamoDBClient(edgeClientConfig(runtime));
    const sfn = new SFNClient(edgeClientConfig(runtime));
    const scheduler = new SchedulerClient(edgeClientConfig(runtime));
    const events = new EventBridgeClient(edgeClientConfig(runtime));
    try {
      await ddb.send(new CreateTableCommand({ TableName: 'somebody-elses', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' }));
      const definition = JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Succeed' } } });
      await sfn.send(new CreateStateMachineCommand({ name: runtime.names.physical('stray'), definition, roleArn: runtime.names.schedulerRoleArn() }));
      const target = { Arn: runtime.names.functionArn('health'), RoleArn: runtime.names.schedulerRoleArn() };
      await scheduler.send(new CreateScheduleCommand({ Name: runtime.names.physical('stray'), ScheduleExpression: 'rate(1 hour)', FlexibleTimeWindow: { Mode: 'OFF' }, Target: target }));
      await events.send(new PutRuleCommand({ Name: 'stray', EventPattern: JSON.stringify({ source: ['stray'] }) }));
    } finally {
      ddb.destroy();
      sfn.destroy();
      scheduler.destroy();
      events.destroy();
    }
    const inventory = await runtimeInventory(runtime, routeCandidates(fixtureManifest));
    expect(inventory.tables).toEqual([...expected.tables, 'somebody-elses'].sort());
    expect(inventory.workflows).toEqual([...expected.workflows, 'stray'].sort());
    expect(inventory.schedules).toEqual([...expected.schedules, 'stray'].sort());
    expect(inventory.rules).toEqual([...expected.rules, 'stray'].sort());
  });
});
