/**
 * The manifest contract in one shape: what exists, by kind, in manifest-id terms. The CDK test
 * compares the synthesized template's inventory with the manifest's; the local runtime's test can
 * build the same shape from its registry and compare it with `manifestInventory` too. No CDK
 * imports here, so the runtime side can reuse it cheaply.
 */
import type { Manifest, RouteDecl } from '../platform/manifest-types.ts';

/** The stack's own function besides the manifest's: the CDK's BucketDeployment provider that copies the console into its bucket (constructs/console-hosting.ts). */
export const CONSOLE_DEPLOYER_ID = 'console-deploy';

export const ResourceKinds = ['tables', 'functions', 'workflows', 'schedules', 'rules', 'routes'] as const;
export type ResourceKind = (typeof ResourceKinds)[number];

/** Sorted ids per kind; routes are `METHOD /path` route keys. */
export type Inventory = Record<ResourceKind, string[]>;

/** `POST /webhooks/storefront`: a route's identity, as API Gateway's route key spells it. */
export function routeKey(route: Pick<RouteDecl, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** The rule the stack adds on each bus to route `SlaBreached` to the alarms (it is not a manifest rule). */
export function slaBreachedRuleId(busId: string): string {
  return `${busId}-sla-breached`;
}

/** Rules the stack itself adds, beyond the manifest's. */
export function platformRuleIds(manifest: Manifest): string[] {
  return manifest.buses.map((bus) => slaBreachedRuleId(bus.id));
}

export function manifestInventory(manifest: Manifest): Inventory {
  return {
    tables: sorted(manifest.tables.map((t) => t.id)),
    functions: sorted(manifest.functions.map((f) => f.id)),
    workflows: sorted(manifest.workflows.map((w) => w.id)),
    schedules: sorted(manifest.schedules.map((s) => s.id)),
    rules: sorted(manifest.rules.map((r) => r.id)),
    routes: sorted(manifest.routes.map(routeKey)),
  };
}

/** The CloudFormation resource type and name property that hold each kind. */
export const TemplateKinds: Record<ResourceKind, { type: string; name: string }> = {
  tables: { type: 'AWS::DynamoDB::GlobalTable', name: 'TableName' },
  functions: { type: 'AWS::Lambda::Function', name: 'FunctionName' },
  workflows: { type: 'AWS::StepFunctions::StateMachine', name: 'StateMachineName' },
  schedules: { type: 'AWS::Scheduler::Schedule', name: 'Name' },
  rules: { type: 'AWS::Events::Rule', name: 'Name' },
  routes: { type: 'AWS::ApiGatewayV2::Route', name: 'RouteKey' },
};

export interface CfnTemplate {
  Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
}

/**
 * Every resource of each kind in a synthesized template, named by manifest id: physical names are
 * `<prefix>-<id>`, so the prefix is stripped. A resource whose name does not carry the prefix is
 * listed by its raw name (so it shows up as a stranger), never dropped.
 */
export function templateInventory(template: CfnTemplate, prefix: string): Inventory {
  const resources = Object.values(template.Resources ?? {});
  const inventory = {} as Inventory;
  for (const kind of ResourceKinds) {
    const { type, name } = TemplateKinds[kind];
    inventory[kind] = sorted(
      resources
        .filter((resource) => resource.Type === type)
        .map((resource) => {
          const value = resource.Properties?.[name];
          const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
          return kind !== 'routes' && text.startsWith(`${prefix}-`) ? text.slice(prefix.length + 1) : text;
        }),
    );
  }
  return inventory;
}

/** What the template should hold for a manifest: its entries plus the stack's own alarm rules and console deployer. */
export function expectedTemplateInventory(manifest: Manifest): Inventory {
  const inventory = manifestInventory(manifest);
  return { ...inventory, functions: sorted([...inventory.functions, CONSOLE_DEPLOYER_ID]), rules: sorted([...inventory.rules, ...platformRuleIds(manifest)]) };
}

function sorted(values: string[]): string[] {
  return [...values].sort();
}
