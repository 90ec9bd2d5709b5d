import { casesTable } from '../../adapters/case-repository/table.ts';
import { readConfig } from '../shared/config.ts';
import { dependencies, type Dependencies } from '../shared/dependencies.ts';
import { rawBody } from '../http/body.ts';
import { headerOf, type ApiEvent } from '../http/event.ts';
import { httpHandler } from '../http/handler.ts';
import { SIGNATURE_HEADER } from '../../core/storefront/signature.ts';
import { policyDocumentInForce } from '../shared/policy-document.ts';
import { storefrontWebhookFunction } from './function.ts';
import { DynamoDbIdempotencyStore } from './idempotency-dynamodb.ts';
import { createIngest, type IngestDeps } from './ingest.ts';
import { webhookSecretSource } from '../shared/secret-source.ts';
import { storefrontEventsQueue } from '../storefront-apply/function.ts';
import { SqsEventQueue } from './event-queue-sqs.ts';
import { DynamoDbPendingPlacements } from './pending-placements-dynamodb.ts';

let installed: IngestDeps | undefined;
let wired: { from: Dependencies; deps: IngestDeps } | undefined;

/**
 * Built on the first request, and again whenever the shared dependencies were replaced (a test, or
 * a second local runtime in the same process, installed its own with `useDependencies`).
 */
export function ingestDeps(): IngestDeps {
  if (installed) return installed;
  const deps = dependencies();
  if (wired?.from === deps) return wired.deps;
  const config = readConfig();
  const tableName = config.tableName(casesTable.id);
  const built: IngestDeps = withPorts(deps, {
    // The version in force at each request: a publish applies without a restart.
    get caseRules() {
      return policyDocumentInForce(deps, config.policyPath()).caseRules;
    },
    idempotency: new DynamoDbIdempotencyStore({
      client: deps.clients.dynamodb(),
      tableName,
      partition: `IDEMPOTENCY#${storefrontWebhookFunction.id}`,
    }),
    secret: webhookSecretSource(process.env, deps.clients.secretsManager),
    // The URL is read when the first event is queued: the queue's consumer has the same wiring, and no URL.
    queue: new SqsEventQueue({ client: deps.clients.sqs(), queueUrl: () => config.queueUrl(storefrontEventsQueue.id) }),
    pendingPlacements: new DynamoDbPendingPlacements({ client: deps.clients.dynamodb(), tableName }),
  });
  wired = { from: deps, deps: built };
  return built;
}

/** What every storefront ingest (the webhook, its queue's consumer, the connectors) takes from the shared dependencies. */
export type IngestPorts = Omit<IngestDeps, 'caseRules' | 'idempotency' | 'secret' | 'queue' | 'pendingPlacements'>;

/**
 * The shared dependencies the ingest's effects use (the connectors apply their events through the
 * same effects), joined with a handler's own pieces. Getters stay getters (a spread would read them
 * once, at wiring): `policy` and the handlers' `caseRules` follow the version in force.
 */
export function withPorts<Own extends object>(deps: Dependencies, own: Own): IngestPorts & Own {
  const ports: IngestPorts = {
    repository: deps.repository,
    workflows: deps.workflows,
    timers: deps.timers,
    events: deps.events,
    get policy() {
      return deps.policy;
    },
    clock: deps.clock,
    ...(deps.transportClock ? { transportClock: deps.transportClock } : {}),
    log: deps.log,
    conversations: deps.conversations,
    chatTimers: deps.chatTimers,
  };
  return Object.defineProperties(ports, Object.getOwnPropertyDescriptors(own)) as IngestPorts & Own;
}

/** Replaces the wiring (tests); `undefined` rebuilds it from the environment. */
export function useIngestDependencies(deps: IngestDeps | undefined): void {
  installed = deps;
}

export const handler = httpHandler(async (event: ApiEvent) => createIngest(ingestDeps())({ signature: headerOf(event, SIGNATURE_HEADER), contentType: headerOf(event, 'content-type'), body: rawBody(event) }), {
  errorLog: () => (installed ?? dependencies()).log,
});
