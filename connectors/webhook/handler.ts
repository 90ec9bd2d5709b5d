/**
 * The connector routes' Lambda handler: wiring only (the shared dependencies, the `connectors` of
 * the policy in force, the idempotency and version records); the logic is connectors/shared/dispatch.ts.
 */
import { casesTable } from '../../adapters/case-repository/table.ts';
import { secretResolver } from '../../adapters/alarms/secrets.ts';
import { policyDocumentInForce } from '../../functions/shared/policy-document.ts';
import { readConfig } from '../../functions/shared/config.ts';
import { dependencies, type Dependencies } from '../../functions/shared/dependencies.ts';
import { rawBody } from '../../functions/http/body.ts';
import { headerOf, queryOf, type ApiEvent } from '../../functions/http/event.ts';
import { httpHandler } from '../../functions/http/handler.ts';
import { DynamoDbIdempotencyStore } from '../../functions/storefront-webhook/idempotency-dynamodb.ts';
import { withPorts } from '../../functions/storefront-webhook/handler.ts';
import { CONNECTORS } from '../registry.ts';
import { dispatch, type DispatchDeps } from '../shared/dispatch.ts';
import { DynamoDbVersionStore } from '../shared/versions-dynamodb.ts';
import { connectorWebhookFunction } from './function.ts';

let wired: { from: Dependencies; deps: DispatchDeps } | undefined;
let installed: DispatchDeps | undefined;

/** Replaces the wiring (tests); `undefined` rebuilds it from the environment. */
export function useConnectorDependencies(deps: DispatchDeps | undefined): void {
  installed = deps;
}

/** Built on the first request, and again when the shared dependencies were replaced (another local runtime). */
export function connectorDeps(): DispatchDeps {
  if (installed) return installed;
  const deps = dependencies();
  if (wired?.from === deps) return wired.deps;
  const config = readConfig();
  const tableName = config.tableName(casesTable.id);
  const own = {
    // The version in force at each request: a publish (a new shop, new rules) applies without a restart.
    get caseRules() {
      return policyDocumentInForce(deps, config.policyPath()).caseRules;
    },
    get connectors() {
      return policyDocumentInForce(deps, config.policyPath()).connectors ?? [];
    },
    secrets: secretResolver(process.env, deps.clients.secretsManager),
    idempotency: new DynamoDbIdempotencyStore({ client: deps.clients.dynamodb(), tableName, partition: `IDEMPOTENCY#${connectorWebhookFunction.id}` }),
    versions: (platform: string, shopId: string) => new DynamoDbVersionStore(deps.clients.dynamodb(), tableName, `CONNECTOR-VERSION#${platform}#${shopId}`),
  };
  const built: DispatchDeps = withPorts(deps, own);
  wired = { from: deps, deps: built };
  return built;
}

export const handler = httpHandler(
  async (event: ApiEvent) =>
    dispatch(connectorDeps(), CONNECTORS, event.pathParameters?.platform ?? '', event.pathParameters?.shopId ?? '', {
      method: event.requestContext.http.method,
      header: (name) => headerOf(event, name),
      query: queryOf(event),
      body: rawBody(event),
    }),
  { errorLog: () => (installed ?? dependencies()).log },
);
