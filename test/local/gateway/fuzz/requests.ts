/**
 * Generated requests for every storefront webhook type and every staff route: valid bodies
 * mutated (values.ts), signatures and content types varied, bearer tokens valid, forged, edited,
 * expired, of the wrong kind or malformed, page tokens real, edited or made up.
 */
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { CaseStatus, CaseType } from '../../../../core/cases/case.ts';
import { STEPS } from '../../../../core/lifecycles/steps.ts';
import { ReportGroupBy } from '../../../../core/reports/sla-report.ts';
import { StorefrontEventType } from '../../../../core/storefront/events.ts';
import { signStorefrontPayload } from '../../../../core/storefront/signature.ts';
import type { RawRequest } from '../../../../local/gateway/api-event.ts';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../../../local/identity/tokens.ts';
import { applyRaw, boundaryDates, hostileValue, mutate, mutation, rawMutation, type Json, type Mutation, type RawMutation } from './values.ts';
import type { FuzzRig } from './rig.ts';
import { connectorPlan, connectorRequest, type ConnectorPlan } from './connectors.ts';
import { FUZZ_ACCOUNT, WEBHOOK_SECRET } from './rig.ts';

const ROLES = ['ops-cs', 'presales-cs', 'terminal-admin', 'crm-admin', 'picker', 'inventory-admin', 'complaint-handler', 'supervisor', 'intruder'];
const AT = fc.constantFrom('2025-03-01T10:00:00+08:00', '2025-03-03T02:00:00Z', '2025-03-02T23:59:59.999+08:00');
const text = fc.oneof(fc.constantFrom('张三', 'Wang Fang', '屏幕有划痕', 'reason'), fc.string({ minLength: 1, maxLength: 20 }));

/** Mostly JSON (as the console and storefronts send it), sometimes another type, a +json type, another charset or none. */
const contentType: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8') },
  { weight: 1, arbitrary: fc.constantFrom('text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/merge-patch+json', 'application/json; charset=iso-8859-1', 'application/jsonx', '', null) },
);

// ---- storefront webhooks ----

function dataOf(type: StorefrontEventType, orderId: fc.Arbitrary<string>, caseId: fc.Arbitrary<string>): fc.Arbitrary<Json> {
  const customer = fc.record({ name: text, phone: fc.constantFrom('13800000000', '+86 21 5555 0000') });
  switch (type) {
    case 'order.placed':
    case 'order.imported':
      return fc.record({
        orderId,
        placedAt: AT,
        paid: fc.boolean(),
        customer,
        address: fc.oneof(text, fc.record({ city: text, line: text })),
        items: fc.array(fc.record({ sku: fc.constantFrom('PHONE-1', 'CASE-2'), name: text, qty: fc.integer({ min: 1, max: 5 }), price: fc.integer({ min: 0, max: 9_999 }) }), { minLength: 1, maxLength: 3 }),
        paymentChannel: fc.constantFrom('alipay', 'bank-card', 'boc'),
      });
    case 'order.paid':
      return fc.record({ orderId, paidAt: AT });
    case 'order.cancel-requested':
    case 'order.return-requested':
    case 'order.exchange-requested':
      return fc.record({ orderId, reason: text });
    case 'order.delivered':
      return fc.record({ orderId, deliveredAt: AT });
    case 'goods.received':
      return fc.oneof(fc.record({ caseId, receivedAt: AT }), fc.record({ orderId, receivedAt: AT }));
    case 'refund.settled':
      return fc.oneof(fc.record({ caseId, settledAt: AT }), fc.record({ orderId, settledAt: AT }));
    case 'complaint.filed':
      return fc.record({ complaintId: fc.stringMatching(/^CP-[0-9]{1,4}$/), orderId, customer, text }, { requiredKeys: ['complaintId', 'customer', 'text'] });
    case 'stock.low':
    case 'stock.out':
      return fc.record({ sku: fc.constantFrom('PHONE-1', 'CASE-2'), available: fc.integer({ min: 0, max: 50 }) });
    case 'stock.received':
      return fc.record({ sku: fc.constantFrom('PHONE-1', 'CASE-2'), qty: fc.integer({ min: 1, max: 50 }), receivedAt: AT }, { requiredKeys: ['sku', 'qty'] });
    case 'chat.message':
      return chatMessage;
    case 'chat.messages':
      return fc.record({ messages: fc.array(chatMessage, { minLength: 1, maxLength: 4 }) });
  }
}

const chatMessage: fc.Arbitrary<Json> = fc.oneof(
  fc.record({ conversationId: fc.constantFrom('conv-1', 'conv-2'), messageId: fc.uuid(), from: fc.constantFrom('customer', 'auto'), sentAt: AT, text }),
  fc.record({ conversationId: fc.constantFrom('conv-1', 'conv-2'), messageId: fc.uuid(), from: fc.constant('agent'), agentId: fc.constantFrom('agent-li', 'agent-wu'), sentAt: AT, channel: fc.constantFrom('app', 'web') }),
);

export interface WebhookPlan {
  kind: 'webhook';
  event: Json;
  mutation: Mutation;
  raw: RawMutation;
  signature: 'valid' | 'missing' | 'wrong' | 'stale' | 'malformed';
  contentType: string | null;
}

export function webhookPlan(rig: FuzzRig): fc.Arbitrary<WebhookPlan> {
  const orderId = fc.oneof(fc.constantFrom(...rig.orderIds), fc.stringMatching(/^SO-[A-Z0-9]{1,6}$/));
  const caseId = fc.oneof(fc.constantFrom(...rig.seeded.map((s) => s.caseId)), fc.string({ maxLength: 12 }));
  const id = fc.oneof(fc.integer({ min: 1, max: 40 }).map((n) => `evt-${n}`), fc.uuid());
  // One arbitrary per type, built once (building them per value, in a chain, cost a third of the generation time).
  const event = fc.oneof(...Object.values(StorefrontEventType).map((type) => fc.record({ id, type: fc.constant(type), occurredAt: AT, data: dataOf(type, orderId, caseId) })));
  return fc.record({
    kind: fc.constant('webhook' as const),
    event: event as fc.Arbitrary<Json>,
    mutation,
    raw: rawMutation,
    // Mostly-invalid requests that fail fast keep a run of 10,000 short; enough get through to write.
    signature: fc.oneof({ weight: 1, arbitrary: fc.constant('valid' as const) }, { weight: 1, arbitrary: fc.constantFrom('missing' as const, 'wrong' as const, 'stale' as const, 'malformed' as const) }),
    contentType,
  });
}

function webhookRequest(plan: WebhookPlan, rig: FuzzRig): RawRequest {
  const body = applyRaw(JSON.stringify(mutate(plan.event, plan.mutation)), plan.raw);
  const now = Math.floor(rig.clock.now() / 1000);
  const signature = {
    valid: () => signStorefrontPayload({ secret: WEBHOOK_SECRET, body, timestamp: now }),
    missing: () => undefined,
    wrong: () => signStorefrontPayload({ secret: 'not-the-secret', body, timestamp: now }),
    stale: () => signStorefrontPayload({ secret: WEBHOOK_SECRET, body, timestamp: now - 301 }),
    malformed: () => 't=now,v1=zz',
  }[plan.signature]();
  const headers: Record<string, string> = {};
  if (signature !== undefined) headers['x-storefront-signature'] = signature;
  if (plan.contentType !== null) headers['content-type'] = plan.contentType;
  return { method: 'POST', url: '/webhooks/storefront', headers, body, sourceIp: '127.0.0.1' };
}

// ---- staff routes ----

type TokenKind = 'valid' | 'none' | 'forged' | 'edited' | 'expired' | 'no-exp' | 'future-iat' | 'access' | 'garbage' | 'extra' | 'basic';

export interface StaffPlan {
  kind: 'staff';
  route: 'queue' | 'cases' | 'case' | 'complete' | 'pause' | 'resume' | 'pickups' | 'report' | 'chat-report' | 'health' | 'openapi' | 'login' | 'unknown';
  token: TokenKind;
  roles: string[];
  /** Index of a seeded case, or a made-up path segment. */
  caseRef: number | string;
  stepRef: number | string;
  query: Record<string, Json>;
  body: Json | undefined;
  rawBody: RawMutation;
  contentType: string | null;
  csv: boolean;
}

const segment = fc.oneof(
  fc.nat(),
  fc.string({ unit: 'binary', maxLength: 10 }).map(encodeURIComponent),
  fc.constantFrom('%ZZ', '%E4%B8', 'x'.repeat(3_000), '..', '%2F', encodeURIComponent('订单-1')),
);

const queryValue: fc.Arbitrary<Json> = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom<Json>(...boundaryDates, '2025-03-03', '2025-03-01', '2026-02-30', '0', '101', '-1', '1.5', 'e30', 'NaN'), hostileValue);

export function staffPlan(rig: FuzzRig): fc.Arbitrary<StaffPlan> {
  const query = fc.record(
    {
      type: fc.oneof(fc.constantFrom(...Object.values(CaseType)), queryValue),
      status: fc.oneof(fc.constantFrom(...Object.values(CaseStatus)), queryValue),
      orderId: fc.oneof(fc.constantFrom(...rig.orderIds), queryValue),
      limit: fc.oneof(fc.constantFrom('1', '2', '50', '100'), queryValue),
      nextToken: fc.oneof(fc.nat().map((n) => `#real:${n}`), fc.nat().map((n) => `#edited:${n}`), queryValue),
      from: fc.oneof(fc.constantFrom('2025-03-01', '2025-03-03'), queryValue),
      to: fc.oneof(fc.constantFrom('2025-03-03', '2025-06-30'), queryValue),
      groupBy: fc.oneof(fc.constantFrom(...Object.values(ReportGroupBy), 'agent', 'hour'), queryValue),
      extra: queryValue,
    },
    { requiredKeys: [] },
  );
  const completion = fc.record(
    { outcome: fc.oneof(fc.constantFrom('confirmed', 'passed', 'failed', 'upheld', 'not-upheld', 'callback'), hostileValue), fields: fc.oneof(fc.constant<Json>({ serialNumbers: ['SN-1'], invoiceNo: 'INV-1' }), fc.constant<Json>({ carrier: 'SF', trackingNo: 'SF1' }), fc.constant<Json>({ bindings: [] }), fc.constant<Json>({ score: 5 }), fc.constant<Json>({ remedy: 'refund' }), hostileValue) },
    { requiredKeys: [] },
  );
  const pause = fc.record({ reason: fc.oneof(text, hostileValue), until: fc.oneof(fc.constantFrom('2025-03-03T12:00:00+08:00', '2025-03-01T00:00:00Z'), hostileValue) }, { requiredKeys: [] });
  const login = fc.record({ user: fc.oneof(fc.constant(FUZZ_ACCOUNT.user), text, hostileValue), password: fc.oneof(fc.constant(FUZZ_ACCOUNT.password), text, hostileValue) }, { requiredKeys: [] });
  return fc.record({
    kind: fc.constant('staff' as const),
    route: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('cases' as const, 'complete' as const, 'pause' as const, 'report' as const, 'chat-report' as const) },
      { weight: 1, arbitrary: fc.constantFrom('queue' as const, 'case' as const, 'resume' as const, 'pickups' as const, 'health' as const, 'openapi' as const, 'login' as const, 'unknown' as const) },
    ),
    token: fc.oneof({ weight: 3, arbitrary: fc.constant<TokenKind>('valid') }, { weight: 1, arbitrary: fc.constantFrom<TokenKind>('none', 'forged', 'edited', 'expired', 'no-exp', 'future-iat', 'access', 'garbage', 'extra', 'basic') }),
    roles: fc.subarray(ROLES),
    caseRef: segment,
    stepRef: fc.oneof(fc.nat().map((n) => n), fc.constantFrom(...Object.keys(STEPS)), segment),
    query,
    body: fc.option(fc.tuple(fc.oneof(completion, pause, login) as fc.Arbitrary<Json>, mutation).map(([body, change]) => mutate(body, change)), { nil: undefined }),
    rawBody: rawMutation,
    contentType,
    csv: fc.boolean(),
  });
}

/** Tokens by kind and roles: the fuzz clock stands still, so each stays what it was made to be. */
const bearers = new Map<string, Promise<string | undefined>>();

function bearer(plan: StaffPlan, rig: FuzzRig): Promise<string | undefined> {
  const id = `${plan.token}:${plan.roles.join(',')}`;
  let made = bearers.get(id);
  if (!made) bearers.set(id, (made = makeBearer(plan, rig)));
  return made;
}

async function makeBearer(plan: StaffPlan, rig: FuzzRig): Promise<string | undefined> {
  const now = Math.floor(rig.clock.now() / 1000);
  const sign = (claims: Record<string, unknown>, build: (jwt: SignJWT) => SignJWT, key = rig.key) =>
    build(new SignJWT({ 'cognito:username': 'fuzz', 'cognito:groups': plan.roles, token_use: 'id', ...claims }).setProtectedHeader({ alg: 'HS256' }).setSubject('fuzz').setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE)).sign(key);
  const valid = (j: SignJWT) => j.setIssuedAt(now).setExpirationTime(now + 3_600);
  switch (plan.token) {
    case 'valid':
      return `Bearer ${await sign({}, valid)}`;
    case 'none':
      return undefined;
    case 'forged':
      return `Bearer ${await sign({}, valid, new Uint8Array(32).fill(7))}`;
    case 'edited': {
      const [header, , signature] = (await sign({}, valid)).split('.');
      const payload = Buffer.from(JSON.stringify({ sub: 'fuzz', 'cognito:username': 'fuzz', 'cognito:groups': ['supervisor'], token_use: 'id', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, iat: now, exp: now + 3_600 })).toString('base64url');
      return `Bearer ${header}.${payload}.${signature}`;
    }
    case 'expired':
      return `Bearer ${await sign({}, (j) => j.setIssuedAt(now - 7_200).setExpirationTime(now - 3_600))}`;
    case 'no-exp':
      return `Bearer ${await sign({}, (j) => j.setIssuedAt(now))}`;
    case 'future-iat':
      return `Bearer ${await sign({}, (j) => j.setIssuedAt(now + 3_600).setExpirationTime(now + 7_200))}`;
    case 'access':
      return `Bearer ${await sign({ token_use: 'access' }, valid)}`;
    case 'garbage':
      return 'Bearer e30.e30.e30';
    case 'extra':
      return `Bearer ${await sign({}, valid)} extra`;
    case 'basic':
      return 'Basic dXNlcjpwYXNz';
  }
}

function pathOf(plan: StaffPlan, rig: FuzzRig): string {
  const seeded = typeof plan.caseRef === 'number' ? rig.seeded[plan.caseRef % rig.seeded.length] : undefined;
  const caseId = seeded ? seeded.caseId : String(plan.caseRef);
  const step = typeof plan.stepRef === 'number' ? (seeded?.step ?? 'order.review') : plan.stepRef;
  switch (plan.route) {
    case 'queue':
      return '/queue';
    case 'cases':
      return '/cases';
    case 'case':
      return `/cases/${caseId}`;
    case 'complete':
    case 'pause':
    case 'resume':
      return `/cases/${caseId}/steps/${step}/${plan.route}`;
    case 'pickups':
      return '/pickups/run';
    case 'report':
      return '/reports/sla';
    case 'chat-report':
      return '/reports/chat';
    case 'health':
      return '/healthz';
    case 'openapi':
      return '/openapi.json';
    case 'login':
      return '/auth/login';
    case 'unknown':
      return `/${caseId}`;
  }
}

/** A real page token the API handed out (`#real:n`), one with its payload edited (`#edited:n`), or the value as is. */
function pageToken(value: Json, tokens: readonly string[]): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const real = /^#(real|edited):(\d+)$/.exec(text);
  if (!real) return text;
  const token = tokens[Number(real[2]) % Math.max(tokens.length, 1)] ?? 'e30';
  if (real[1] === 'real') return token;
  const [body, signature] = token.split('.');
  return `${Buffer.from(Buffer.from(body ?? '', 'base64url').toString('utf8').replace(/CASE#/, 'CASE#x')).toString('base64url')}.${signature ?? ''}`;
}

async function staffRequest(plan: StaffPlan, rig: FuzzRig, pageTokens: readonly string[]): Promise<RawRequest> {
  const post = ['complete', 'pause', 'resume', 'pickups', 'login'].includes(plan.route);
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(plan.query)) search.set(name, name === 'nextToken' ? pageToken(value, pageTokens) : typeof value === 'string' ? value : JSON.stringify(value));
  const headers: Record<string, string> = {};
  if (plan.contentType !== null) headers['content-type'] = plan.contentType;
  const authorization = await bearer(plan, rig);
  if (authorization !== undefined) headers.authorization = authorization;
  if (plan.csv) headers.accept = 'text/csv';
  const body = post && plan.body !== undefined ? applyRaw(JSON.stringify(plan.body), plan.rawBody) : Buffer.alloc(0);
  const query = search.toString();
  return { method: post ? 'POST' : 'GET', url: `${pathOf(plan, rig)}${query ? `?${query}` : ''}`, headers, body, sourceIp: '127.0.0.1' };
}

export type Plan = WebhookPlan | StaffPlan | ConnectorPlan;

export function plans(rig: FuzzRig): fc.Arbitrary<Plan> {
  // The connector routes take a fifth of the run; webhook and staff plans keep their even shares.
  return fc.oneof({ weight: 2, arbitrary: webhookPlan(rig) }, { weight: 2, arbitrary: staffPlan(rig) }, { weight: 1, arbitrary: connectorPlan() });
}

export function toRequest(plan: Plan, rig: FuzzRig, pageTokens: readonly string[]): Promise<RawRequest> {
  if (plan.kind === 'connector') return Promise.resolve(connectorRequest(plan));
  return plan.kind === 'webhook' ? Promise.resolve(webhookRequest(plan, rig)) : staffRequest(plan, rig, pageTokens);
}
