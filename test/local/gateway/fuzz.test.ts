/**
 * The fuzzer of issue 16: seeded, generated requests over every storefront webhook type, every
 * staff route and the platform connector routes (issue 24), through the real gateway answerer, handlers and DynamoDB Local (fuzz/rig.ts). For
 * each: only 2xx or 4xx, never 5xx; api.md's error envelope on every non-2xx; and on any 4xx the
 * case table unchanged. FUZZ_RUNS (default 10,000) and FUZZ_SEED pick the run; `npm run fuzz`
 * runs it alone, e.g. `FUZZ_RUNS=200000 npm run fuzz`.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plans, toRequest, type Plan } from './fuzz/requests.ts';
import { startFuzzRig, type FuzzRig } from './fuzz/rig.ts';

/** A valid, signed order.placed: accepted, so it writes. */
const acceptedOrder: Plan = {
  kind: 'webhook',
  event: {
    id: 'evt-fuzz-check',
    type: 'order.placed',
    occurredAt: '2025-03-03T10:00:00+08:00',
    data: { orderId: 'SO-CHECK', placedAt: '2025-03-03T10:00:00+08:00', paid: true, customer: { name: '张三', phone: '13800000000' }, address: '上海', items: [{ sku: 'P', name: 'Phone', qty: 1, price: 1 }], paymentChannel: 'alipay' },
  },
  mutation: { kind: 'none' },
  raw: 'none',
  signature: 'valid',
  contentType: 'application/json',
};

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 16_2026);

let started: FuzzRig | undefined;
const rigOf = (): FuzzRig => {
  if (!started) throw new Error('the fuzz rig did not start');
  return started;
};
// Seeding the rig's cases takes a few seconds on a busy machine.
beforeAll(async () => {
  started = await startFuzzRig('2025-03-03T10:00:00+08:00');
}, 120_000);
afterAll(() => started?.close());

interface Tally {
  status: Record<string, number>;
  codes: Record<string, number>;
  /** Error codes the staff and sign-in routes answered (the webhook's are in `codes` too). */
  staffCodes: Record<string, number>;
  /** Error codes the platform connector routes answered. */
  connectorCodes: Record<string, number>;
  /** Connector pushes answered 2xx. */
  connectorAccepted: number;
  /** Platform batches refused after some of their messages were stored (not checked for writes). */
  batchRefusals: number;
  unchangedChecks: number;
}

/** The error code of api.md's envelope — exactly `{"error": {"code", "message"}}`, both strings, plus an `InvalidRequest`'s `fields` list or an optional `details` object — or undefined for any other body. */
function envelopeCode(text: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (body === null || typeof body !== 'object' || Object.keys(body).join() !== 'error') return undefined;
  const error = (body as { error: unknown }).error;
  if (error === null || typeof error !== 'object') return undefined;
  const keys = Object.keys(error).sort().join();
  const { code, message, fields, details } = error as { code: unknown; message: unknown; fields?: unknown; details?: unknown };
  const fieldsFit =
    keys === 'code,message' ||
    (keys === 'code,fields,message' && code === 'InvalidRequest' && Array.isArray(fields) && fields.length > 0) ||
    (keys === 'code,details,message' && typeof details === 'object' && details !== null);
  return fieldsFit && typeof code === 'string' && typeof message === 'string' ? code : undefined;
}

const count = (counts: Record<string, number>, key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

describe('the HTTP API under generated hostile requests', () => {
  it('notices items a request changed (the check below is not vacuous)', async () => {
    const rig = rigOf();
    rig.beginRequest();
    const answer = await rig.answer(await toRequest(acceptedOrder, rig, []));
    expect(answer.status).toBe(202);
    expect((await rig.changedItems()).length).toBeGreaterThan(0);
  });

  it('tells the error envelope from any other body (the envelope check is not vacuous)', () => {
    expect(envelopeCode('{"error":{"code":"CaseNotFound","message":"case c-1 does not exist"}}')).toBe('CaseNotFound');
    for (const other of ['', 'Internal Server Error', '{"message":"Internal Server Error"}', '{"error":{"code":"X"}}', '{"error":{"code":"X","message":"m","stack":"…"}}', '{"error":{"code":1,"message":"m"}}', '{"error":{"code":"X","message":"m"},"requestId":"r"}', 'null']) {
      expect(envelopeCode(other), other).toBeUndefined();
    }
  });

  it(`answers ${RUNS} requests with 2xx or 4xx only, the error envelope on every non-2xx, and nothing written on any 4xx`, async () => {
    const rig = rigOf();
    const pageTokens: string[] = [];
    const tally: Tally = { status: {}, codes: {}, staffCodes: {}, connectorCodes: {}, connectorAccepted: 0, batchRefusals: 0, unchangedChecks: 0 };
    const began = performance.now();

    const property = fc.asyncProperty(plans(rig), async (plan: Plan) => {
      const request = await toRequest(plan, rig, pageTokens);
      rig.beginRequest();
      const writesBefore = rig.writes();
      const errorsBefore = rig.errors.length;
      const answer = await rig.answer(request);
      const text = Buffer.isBuffer(answer.body) ? answer.body.toString('utf8') : answer.body;
      // Built only for a failure's message: 10,000 of them would cost more than the checks.
      const where = () => `${request.method} ${request.url.slice(0, 200)} → ${answer.status} ${text.slice(0, 300)} ${JSON.stringify(rig.errors.slice(errorsBefore)).slice(0, 500)}`;
      count(tally.status, `${Math.floor(answer.status / 100)}xx`);
      if (plan.kind === 'connector' && answer.status < 300) tally.connectorAccepted++;

      // Plain checks, with an assertion only when one fails: vitest's expect costs ~0.1 ms a call.
      if (answer.status >= 500) expect.fail(`a 5xx: ${where()}`);
      if (answer.status >= 300) {
        const code = envelopeCode(text);
        if (code === undefined) expect.fail(`not the error envelope {"error":{"code","message"}}: ${where()}`);
        count(tally.codes, code);
        if (plan.kind === 'staff') count(tally.staffCodes, code);
        if (plan.kind === 'connector') count(tally.connectorCodes, code);
      }
      // A platform batch (Douyin) is applied message by message: when a later message is refused, the
      // ones before it stay stored (the platform pushes the batch again and they dedupe) — the refusal
      // itself writes nothing, which the connector e2e tests check.
      const batchRefusal = plan.kind === 'connector' && Array.isArray(plan.push.payload) && plan.push.payload.length > 1 && answer.status >= 400;
      if (batchRefusal) tally.batchRefusals++;
      if (answer.status >= 400 && !batchRefusal && rig.writes() > writesBefore) {
        // Write calls were made during this refused request: every item they touched must be as it was.
        tally.unchangedChecks++;
        const changed = await rig.changedItems();
        if (changed.length > 0) expect.fail(`items changed on a ${answer.status}: ${changed.join(', ')}; ${where()}`);
      }
      if (answer.status === 200 && request.url.startsWith('/cases?')) {
        const next = (JSON.parse(text) as { nextToken?: string }).nextToken;
        if (next !== undefined) pageTokens.push(next);
      }
    });
    await fc.assert(property, { numRuns: RUNS, seed: SEED, endOnFailure: true });

    // The run reached past the refusals: accepted webhooks and served staff reads, and refusals of every kind.
    console.info(`fuzz: ${RUNS} requests, seed ${SEED}, ${((performance.now() - began) / 1000).toFixed(1)} s: ${JSON.stringify(tally)}`);
    expect(tally.status['2xx'] ?? 0).toBeGreaterThan(RUNS / 50);
    if (RUNS >= 2_000) {
      expect(Object.keys(tally.codes)).toEqual(expect.arrayContaining(['InvalidStorefrontEvent', 'InvalidRequest', 'Unauthorized', 'PayloadTooLarge', 'UnsupportedMediaType', 'EventIdReused']));
      // Staff bodies and sign-ins in other media types were refused as such, and sign-ins were checked.
      expect(Object.keys(tally.staffCodes)).toEqual(expect.arrayContaining(['UnsupportedMediaType', 'InvalidCredentials']));
      // Platform pushes were applied, and refused for their signature, shop and body.
      expect(tally.connectorAccepted).toBeGreaterThan(RUNS / 100);
      expect(Object.keys(tally.connectorCodes)).toEqual(expect.arrayContaining(['ConnectorSignatureInvalid', 'UnknownShop', 'ConnectorBodyInvalid']));
    }
  }, Math.max(120_000, RUNS * 30));
});
