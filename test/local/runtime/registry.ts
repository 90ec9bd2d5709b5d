/**
 * What a running local runtime actually registered, as an `Inventory` (infra/contract.ts), built
 * by asking each emulator through its own API on the edge port — never by re-reading the manifest.
 * Physical names map back to manifest ids by stripping the `<app>-` prefix (LocalNames); a name
 * without the prefix is kept whole, so that it shows up as a stranger instead of vanishing.
 */
import { DynamoDBClient, paginateListTables } from '@aws-sdk/client-dynamodb';
import { edgeClientConfig } from '../../../local/runtime/edge-client.ts';
import { EventBridgeClient, ListEventBusesCommand, ListRulesCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import { GetScheduleCommand, paginateListSchedules, SchedulerClient } from '@aws-sdk/client-scheduler';
import { paginateListStateMachines, SFNClient } from '@aws-sdk/client-sfn';
import type { Inventory } from '../../../infra/contract.ts';
import type { LocalNames } from '../../../local/runtime/names.ts';
import type { Runtime } from '../../../local/runtime/runtime.ts';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;

/** The manifest id a local physical name stands for, or the name itself when it is not one of ours. */
export function localIdOf(names: LocalNames, physical: string): string {
  const prefix = names.physical('');
  return physical.startsWith(prefix) ? physical.slice(prefix.length) : physical;
}

/** A route path template with each `{param}` filled by a sample segment. */
export function samplePath(template: string): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => `sample-${name}`);
}

/** How the gateway answered one probe. */
export interface RouteAnswer {
  method: string;
  /** The path as probed (templates are filled with sample segments). */
  path: string;
  /** `METHOD /template`: the route key this probe stands for. */
  key: string;
  status: number;
  body: unknown;
  /** `route`: the gateway matched a route (it invoked a function, or refused the token); otherwise its own 404 or 405. */
  verdict: 'route' | 'no-route' | 'method-not-allowed';
  /** Manifest function ids invoked while the request was answered. */
  invoked: string[];
}

/** One HTTP request to the gateway, classified by its answer and by the invocations it caused. */
export async function probeRoute(runtime: Runtime, method: string, template: string, headers: Record<string, string> = {}): Promise<RouteAnswer> {
  const path = samplePath(template);
  const before = runtime.usage().functions;
  const res = await fetch(`${runtime.apiUrl}${path}`, { method, headers, ...(method === 'GET' ? {} : { body: '{}' }) });
  const text = await res.text();
  const after = runtime.usage().functions;
  const invoked = Object.keys(after).filter((id) => (after[id]?.invocations ?? 0) > (before[id]?.invocations ?? 0));
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  // The gateway's own refusals (local/gateway/server.ts); a handler's answer is told apart by the invocation behind it.
  const gatewayMiss = invoked.length === 0 && res.status === 404 && error?.code === 'NotFound' && error.message === `no route for ${method} ${path}`;
  const gatewayWrongMethod = invoked.length === 0 && res.status === 405 && error?.code === 'MethodNotAllowed' && error.message === `${method} is not allowed on ${path}`;
  const verdict = gatewayMiss ? 'no-route' : gatewayWrongMethod ? 'method-not-allowed' : 'route';
  return { method, path, key: `${method} ${template}`, status: res.status, body, verdict, invoked };
}

/** Every rule the EventBridge emulator holds, on every bus it has. */
export async function rulesByBus(runtime: Runtime): Promise<{ bus: string; rule: string; targets: string[] }[]> {
  const events = new EventBridgeClient(edgeClientConfig(runtime));
  try {
    const buses: string[] = [];
    let token: string | undefined;
    do {
      const page = await events.send(new ListEventBusesCommand({ NextToken: token }));
      buses.push(...(page.EventBuses ?? []).map((b) => b.Name ?? ''));
      token = page.NextToken;
    } while (token);
    const rules: { bus: string; rule: string; targets: string[] }[] = [];
    for (const bus of buses) {
      let next: string | undefined;
      do {
        const page = await events.send(new ListRulesCommand({ EventBusName: bus, NextToken: next }));
        for (const rule of page.Rules ?? []) {
          const targets = await events.send(new ListTargetsByRuleCommand({ EventBusName: bus, Rule: rule.Name }));
          rules.push({ bus, rule: rule.Name ?? '', targets: (targets.Targets ?? []).map((t) => t.Arn ?? '') });
        }
        next = page.NextToken;
      } while (next);
    }
    return rules;
  } finally {
    events.destroy();
  }
}

/** Every schedule the scheduler emulator holds, with its group and expression. */
export async function allSchedules(runtime: Runtime): Promise<{ group: string; name: string; expression: string }[]> {
  const scheduler = new SchedulerClient(edgeClientConfig(runtime));
  try {
    const schedules: { group: string; name: string; expression: string }[] = [];
    for await (const page of paginateListSchedules({ client: scheduler }, {})) {
      for (const s of page.Schedules ?? []) {
        const got = await scheduler.send(new GetScheduleCommand({ Name: s.Name, GroupName: s.GroupName }));
        schedules.push({ group: s.GroupName ?? 'default', name: s.Name ?? '', expression: got.ScheduleExpression ?? '' });
      }
    }
    return schedules;
  } finally {
    scheduler.destroy();
  }
}

/**
 * The running runtime's inventory. Routes cannot be listed, so they are probed: every candidate
 * path (route templates, sample-filled) with every method; a probe the gateway matched is a route,
 * named by the probed template. Rules include whatever platform rules the runtime added; schedules
 * leave out only the SLA-timer group's one-time `at(...)` timers.
 */
export async function runtimeInventory(runtime: Runtime, routeCandidates: readonly string[]): Promise<Inventory> {
  const { names } = runtime;
  const ddb = new DynamoDBClient(edgeClientConfig(runtime));
  const sfn = new SFNClient(edgeClientConfig(runtime));
  try {
    const tables: string[] = [];
    for await (const page of paginateListTables({ client: ddb }, {})) tables.push(...(page.TableNames ?? []));
    const machines: string[] = [];
    for await (const page of paginateListStateMachines({ client: sfn }, {})) machines.push(...(page.stateMachines ?? []).map((m) => m.name ?? ''));
    const schedules = (await allSchedules(runtime)).filter((s) => !(s.group === names.timerScheduleGroup() && s.expression.startsWith('at(')));
    const rules = await rulesByBus(runtime);
    const routes: string[] = [];
    for (const template of new Set(routeCandidates)) {
      for (const method of HTTP_METHODS) {
        const answer = await probeRoute(runtime, method, template);
        if (answer.verdict === 'route') routes.push(answer.key);
      }
    }
    return {
      tables: sorted(tables.map((t) => localIdOf(names, t))),
      functions: sorted(runtime.invoker.functionIds()),
      workflows: sorted(machines.map((m) => localIdOf(names, m))),
      schedules: sorted(schedules.map((s) => localIdOf(names, s.name))),
      rules: sorted(rules.map((r) => localIdOf(names, r.rule))),
      routes: sorted(routes),
    };
  } finally {
    ddb.destroy();
    sfn.destroy();
  }
}

function sorted(values: string[]): string[] {
  return [...values].sort();
}
