/**
 * What the local HTTP API answers to one request, without the HTTP transport: route matching,
 * the JWT check of staff routes, the HTTP API v2 event, the invocation and API Gateway's reading
 * of the result. Every answer that is not a handler's own carries api.md's error body. The server
 * (server.ts) feeds it requests; the fuzzer (test/local/gateway) calls it directly.
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import type { RouteDecl } from '../../platform/manifest-types.ts';
import type { Clock } from '../../core/time/clock.ts';
import { InvalidToken, TOKEN_GENERATION_CLAIM, verifyToken, type StaffClaims } from '../identity/tokens.ts';
import { isFunctionError, type InvokeResult } from '../lambda/invoker.ts';
import { toApiEvent, type RawRequest } from './api-event.ts';
import type { StorageFault } from '../storage/storage-health.ts';
import { matchLocalRoute, type LocalRoute } from './local-routes.ts';
import { RouteTable } from './routes.ts';

export interface GatewayOptions {
  routes: readonly RouteDecl[];
  invoke: (functionId: string, event: unknown) => Promise<InvokeResult>;
  signingKey: Uint8Array;
  clock: Clock;
  accountId: string;
  /** Routes served by the runtime itself (api.md "Local home only"), matched before the manifest's. */
  localRoutes?: readonly LocalRoute[];
  /**
   * The token generation a user's tokens must carry (local/identity/accounts.ts): a token of an
   * earlier generation was revoked by `user remove` / `user passwd`. Absent: no revocation check.
   */
  tokenGeneration?: (user: string) => number;
  /** Origins allowed by CORS; `*` by default, as a local development API. */
  allowOrigin?: string;
  onError?: (error: unknown) => void;
  /** The data directory's write faults: while any stands, work is refused with 503 (see `refuseWhileUnwritable`). */
  health?: { current(): StorageFault[] };
}

/** Seconds a client is asked to wait before retrying while the data directory cannot be written. */
export const STORAGE_RETRY_AFTER_SECONDS = 30;

export interface GatewayAnswer {
  status: number;
  headers: Record<string, string | string[]>;
  body: string | Buffer;
}

export type Answerer = (request: RawRequest) => Promise<GatewayAnswer>;

export function createAnswerer(options: GatewayOptions): Answerer {
  const table = new RouteTable(options.routes);
  // Imported once: jose would import a raw key again for every token.
  const key = createSecretKey(options.signingKey);
  return async (request) => {
    try {
      return await answer(request, table, key, options);
    } catch (error) {
      options.onError?.(error);
      return errorAnswer(500, 'InternalError', 'internal error', options);
    }
  };
}

async function answer(request: RawRequest, table: RouteTable, key: KeyObject, options: GatewayOptions): Promise<GatewayAnswer> {
  const { method } = request;
  const path = new URL(request.url, 'http://localhost').pathname;
  if (method === 'OPTIONS') return { status: 204, headers: corsHeaders(options, { 'access-control-max-age': '600' }), body: '' };
  const shown = path.slice(0, 200);
  const local = matchLocalRoute(options.localRoutes ?? [], method, path);
  if (local === 'method-not-allowed') return errorAnswer(405, 'MethodNotAllowed', `${method} is not allowed on ${shown}`, options);
  if (local !== undefined) {
    const answered = await local.handle({ ...request, path });
    return { status: answered.statusCode, headers: { ...corsHeaders(options), ...answered.headers }, body: answered.body ?? '' };
  }
  const match = table.match(method, path);
  if (match === undefined) return errorAnswer(404, 'NotFound', `no route for ${method} ${shown}`, options);
  if (match === 'method-not-allowed') return errorAnswer(405, 'MethodNotAllowed', `${method} is not allowed on ${shown}`, options);
  if (match === 'bad-encoding') return errorAnswer(400, 'BadRequest', `path: ${shown} is not valid percent-encoded UTF-8`, options);
  const refused = refuseWhileUnwritable(method, path, options);
  if (refused !== undefined) return refused;

  let claims: StaffClaims | undefined;
  if (match.route.auth === 'jwt') {
    const verified = await staffClaims(request.headers, key, options);
    if (typeof verified === 'string') return errorAnswer(401, 'Unauthorized', verified, options);
    claims = verified;
  }

  const event = toApiEvent(request, match, claims, options.clock.now(), options.accountId);
  const result = await options.invoke(match.route.function, event);
  if (isFunctionError(result)) {
    options.onError?.(new Error(`${match.route.function}: ${result.errorType}: ${result.errorMessage}`));
    return errorAnswer(500, 'InternalError', 'internal error', options);
  }
  return resultAnswer(result.payload as APIGatewayProxyResultV2, options);
}

/**
 * While the data directory cannot be written (a full disk), nothing that writes is accepted:
 * POST/PUT/DELETE get 503 with `Retry-After` (a storefront redelivers, staff retry), reads are
 * still served, and `/healthz` answers 503 `{"ok": false, …}` naming the faults. It all
 * recovers by itself once the stores can write again.
 */
function refuseWhileUnwritable(method: string, path: string, options: GatewayOptions): GatewayAnswer | undefined {
  const faults = options.health?.current() ?? [];
  if (faults.length === 0) return undefined;
  const error = {
    code: 'StorageUnavailable',
    message: `数据目录暂时无法写入，请稍后重试 / The data directory cannot be written now (${faults.map((f) => `${f.store}: ${f.message}`).join('; ')}); retry later`,
  };
  const headers = { ...corsHeaders(options), 'content-type': 'application/json', 'retry-after': String(STORAGE_RETRY_AFTER_SECONDS) };
  if (path === '/healthz') return { status: 503, headers, body: JSON.stringify({ ok: false, error, faults }) };
  if (method === 'GET' || method === 'HEAD') return undefined;
  return { status: 503, headers, body: JSON.stringify({ error }) };
}

/** The bearer token's claims, or why there are none (the 401's message). */
async function staffClaims(headers: IncomingHttpHeaders, key: KeyObject, options: GatewayOptions): Promise<StaffClaims | string> {
  const header = headers.authorization;
  if (header === undefined || header.trim() === '') return 'missing bearer token in the Authorization header';
  const token = /^Bearer +([A-Za-z0-9._~+/=-]+) *$/i.exec(header)?.[1];
  if (!token) return 'Authorization: malformed; expected "Bearer <token>"';
  let claims: StaffClaims;
  try {
    claims = await verifyToken(token, key, Math.floor(options.clock.now() / 1000));
  } catch (error) {
    if (error instanceof InvalidToken) return error.message;
    throw error;
  }
  if (options.tokenGeneration !== undefined && generationOf(claims) !== options.tokenGeneration(claims.sub)) {
    return 'token was revoked (the user was removed or their password changed); sign in again';
  }
  return claims;
}

function generationOf(claims: StaffClaims): number {
  const generation = claims[TOKEN_GENERATION_CLAIM];
  return typeof generation === 'number' ? generation : 0;
}

/** API Gateway's reading of a handler result: a structured response, or any other value as a 200 JSON body. */
function resultAnswer(result: APIGatewayProxyResultV2, options: GatewayOptions): GatewayAnswer {
  if (result && typeof result === 'object' && 'statusCode' in result && typeof result.statusCode === 'number') {
    const headers: Record<string, string | string[]> = corsHeaders(options);
    for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = String(value);
    if (result.cookies?.length) headers['set-cookie'] = result.cookies;
    const body = result.body === undefined ? '' : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
    return { status: result.statusCode, headers, body };
  }
  return { status: 200, headers: { ...corsHeaders(options), 'content-type': 'application/json' }, body: typeof result === 'string' ? result : JSON.stringify(result) };
}

export function errorAnswer(status: number, code: string, message: string, options: Pick<GatewayOptions, 'allowOrigin'>): GatewayAnswer {
  return { status, headers: { ...corsHeaders(options), 'content-type': 'application/json' }, body: JSON.stringify({ error: { code, message } }) };
}

function corsHeaders(options: Pick<GatewayOptions, 'allowOrigin'>, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'access-control-allow-origin': options.allowOrigin ?? '*',
    'access-control-allow-headers': 'authorization,content-type,x-storefront-signature',
    'access-control-allow-methods': 'GET,POST,PUT,DELETE,OPTIONS',
    ...extra,
  };
}
