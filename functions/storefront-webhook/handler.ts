import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { casesTable } from '../../adapters/case-repository/table.ts';
import { readConfig } from '../shared/config.ts';
import { dependencies } from '../shared/dependencies.ts';
import { rawBody } from '../http/body.ts';
import { headerOf, type ApiEvent } from '../http/event.ts';
import { httpHandler } from '../http/handler.ts';
import { SIGNATURE_HEADER } from '../../core/storefront/signature.ts';
import { loadCaseRules } from './case-rules.ts';
import { storefrontWebhookFunction } from './function.ts';
import { DynamoDbIdempotencyStore } from './idempotency-dynamodb.ts';
import { createIngest, type IngestDeps } from './ingest.ts';
import { webhookSecretSource } from './secret.ts';

let wired: IngestDeps | undefined;

/** Built on the first request (after tests install their dependencies with `useDependencies`). */
function ingestDeps(): IngestDeps {
  if (wired) return wired;
  const config = readConfig();
  const deps = dependencies();
  wired = {
    ...pick(deps),
    caseRules: loadCaseRules(config.policyPath()),
    idempotency: new DynamoDbIdempotencyStore({
      client: new DynamoDBClient({}),
      tableName: config.tableName(casesTable.id),
      partition: `IDEMPOTENCY#${storefrontWebhookFunction.id}`,
    }),
    secret: webhookSecretSource(),
  };
  return wired;
}

function pick(deps: ReturnType<typeof dependencies>): Omit<IngestDeps, 'caseRules' | 'idempotency' | 'secret'> {
  return { repository: deps.repository, workflows: deps.workflows, timers: deps.timers, events: deps.events, policy: deps.policy, clock: deps.clock, log: deps.log };
}

/** Replaces the wiring (tests); `undefined` rebuilds it from the environment. */
export function useIngestDependencies(deps: IngestDeps | undefined): void {
  wired = deps;
}

export const handler = httpHandler(async (event: ApiEvent) => createIngest(ingestDeps())({ signature: headerOf(event, SIGNATURE_HEADER), body: rawBody(event) }), {
  errorLog: () => (wired ?? dependencies()).log,
});
