import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifest } from '../../app/manifest.ts';
import { SIGNATURE_HEADER, signStorefrontPayload } from '../../core/storefront/signature.ts';
import { systemClock } from '../../core/time/clock.ts';
import { issueToken, signingKey } from '../../local/identity/tokens.ts';
import { startRuntime, type Runtime } from '../../local/runtime/runtime.ts';
import { confirmedChecklist } from '../support/checklists.ts';

// The whole platform in this process on the real clock: webhook → workflow → open-step → queue →
// staff completion → the next step. Only the first steps: they need no time to pass.
const dataDir = mkdtempSync(join(tmpdir(), 'e2e-'));
let runtime: Runtime;

beforeAll(async () => {
  runtime = await startRuntime({ manifest, root: process.cwd(), dataDir, host: '127.0.0.1', port: 0, edgePort: 0, clock: systemClock, log: () => {} });
}, 60_000);
afterAll(() => runtime.stop());

async function staff(user: string, roles: string[]): Promise<Record<string, string>> {
  const token = await issueToken({ user, roles, key: signingKey(dataDir), nowSeconds: Math.floor(systemClock.now() / 1000) });
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

async function webhook(event: object): Promise<Response> {
  const body = JSON.stringify(event);
  const signature = signStorefrontPayload({ secret: runtime.webhookSecret, timestamp: Math.floor(systemClock.now() / 1000), body });
  return fetch(`${runtime.apiUrl}/webhooks/storefront`, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature }, body });
}

/** The queue item once the workflow, which opens steps asynchronously, has settled. */
async function queueOf(headers: Record<string, string>, caseId: string, step: string): Promise<Record<string, unknown> | undefined> {
  await runtime.settle();
  const res = await fetch(`${runtime.apiUrl}/queue`, { headers });
  const items = ((await res.json()) as { items: Record<string, unknown>[] }).items;
  return items.find((x) => x.caseId === caseId && x.step === step);
}

describe('an order on the local runtime', () => {
  it('goes from the storefront webhook to review, and from review to packing', async () => {
    const placedAt = new Date(systemClock.now()).toISOString();
    const accepted = await webhook({
      id: `evt-${systemClock.now()}`,
      type: 'order.placed',
      occurredAt: placedAt,
      data: { orderId: 'SO-E2E-1', placedAt, paid: true, customer: { name: '李四', phone: '13900000000' }, address: '杭州', items: [{ sku: 'S1', name: 'Phone', qty: 1, price: 1999 }], paymentChannel: 'alipay' },
    });
    expect(accepted.status).toBe(202);
    const { caseId } = (await accepted.json()) as { caseId: string };

    const opsCs = await staff('alice', ['ops-cs']);
    const review = await queueOf(opsCs, caseId, 'order.review');
    expect(review).toMatchObject({ role: 'ops-cs', status: 'open' });
    expect(typeof review?.due).toBe('string');

    const completed = await fetch(`${runtime.apiUrl}/cases/${caseId}/steps/order.review/complete`, { method: 'POST', headers: opsCs, body: JSON.stringify({ outcome: 'confirmed', fields: confirmedChecklist('order.review', 'confirmed') }) });
    expect(completed.status).toBe(200);
    const again = await fetch(`${runtime.apiUrl}/cases/${caseId}/steps/order.review/complete`, { method: 'POST', headers: opsCs, body: JSON.stringify({ outcome: 'confirmed', fields: confirmedChecklist('order.review', 'confirmed') }) });
    expect(again.status).toBe(409);

    const pack = await queueOf(await staff('bob', ['terminal-admin']), caseId, 'order.pack');
    expect(pack).toMatchObject({ role: 'terminal-admin', status: 'open' });
    const view = (await (await fetch(`${runtime.apiUrl}/cases/${caseId}`, { headers: opsCs })).json()) as { steps: { step: string; status: string; completedBy: string | null }[] };
    expect(view.steps.find((s) => s.step === 'order.review')).toMatchObject({ status: 'completed', completedBy: 'alice' });

    const usage = runtime.usage();
    expect(usage.functions['storefront-webhook']?.invocations).toBe(1);
    expect(usage.functions['open-step']?.invocations).toBe(2);
    expect(usage.awsOperations['AWSStepFunctions.SendTaskSuccess']).toBe(1);
  }, 60_000);
});
