/**
 * The customer-notices function's queue on DynamoDB Local against a real HTTP storefront that
 * verifies the signature: a redelivered notice is posted once, a backlog goes out five per delivery
 * with the next planned at once, and a missing secret is a failure retried like any other.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { noticeOutbox } from '../../../adapters/notices/notice-outbox.ts';
import { postNotice } from '../../../adapters/notices/storefront-notice-client.ts';
import { secretResolver } from '../../../adapters/alarms/secrets.ts';
import type { CustomerNotice } from '../../../core/notices/notice.ts';
import { systemClock } from '../../../core/time/clock.ts';
import { acceptNotice } from '../../../functions/customer-notices/accept.ts';
import { deliverNotices } from '../../../functions/customer-notices/deliver.ts';
import type { NoticeDeps } from '../../../functions/customer-notices/deps.ts';
import { givenCase, useHarness, type Harness } from '../harness.ts';
import { StorefrontReceiver } from '../../support/storefront-receiver.ts';

const harness = useHarness();
const SECRET = 'whsec_function_test';
let receiver: StorefrontReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function rig(env: Record<string, string>): Promise<{ h: Harness; deps: NoticeDeps; planned: string[]; notice: (caseId: string, n: number) => CustomerNotice }> {
  receiver = await StorefrontReceiver.start(SECRET);
  const h = harness.fresh('2026-11-30T10:00:00+08:00');
  const table = harness.table();
  const planned: string[] = [];
  const deps: NoticeDeps = {
    outbox: noticeOutbox(table.client, table.tableName),
    deliveries: { scheduleFlush: (_channel, at) => (planned.push(at), Promise.resolve()) },
    repository: h.repository,
    events: h.events,
    policy: { ...h.policy, notices: { ...h.policy.notices, url: receiver.url, secret: { env: 'NOTICE_SECRET' } } },
    clock: h.clock,
    realClock: systemClock,
    post: (post) => postNotice(post),
    secrets: secretResolver(env, () => {
      throw new Error('no Secrets Manager in this test');
    }),
    log: h.log,
  };
  const notice = (caseId: string, n: number): CustomerNotice => ({ noticeId: `${caseId}:refund-sent:${n}`, kind: 'refund-sent', caseId, text: '亲,已经退款,请留意查收。', at: new Date(h.clock.now()).toISOString() });
  return { h, deps, planned, notice };
}

describe('delivering customer notices', () => {
  it('posts a redelivered notice once, and a backlog of seven five at a time with the next delivery planned at once', async () => {
    const { h, deps, planned, notice } = await rig({ NOTICE_SECRET: SECRET });
    const caseId = await givenCase(h);
    expect(await acceptNotice(deps, notice(caseId, 1))).toMatchObject({ queued: true, delivery: { outcome: 'delivered', delivered: 1 } });
    expect(await acceptNotice(deps, notice(caseId, 1))).toMatchObject({ queued: false, delivery: { outcome: 'nothing-ready', delivered: 0 } });
    expect(receiver!.accepted()).toHaveLength(1);

    receiver!.down = true;
    for (let n = 2; n <= 8; n++) await acceptNotice(deps, notice(caseId, n));
    // The first failure backs off a minute; the notices after it wait their turn.
    expect(receiver!.posts.filter((p) => p.status === 503)).toHaveLength(1);
    receiver!.down = false;
    await h.clock.advance(61_000);
    expect(await deliverNotices(deps)).toMatchObject({ outcome: 'delivered', delivered: 5 });
    expect(planned.at(-1)).toBe(new Date(deps.clock.now()).toISOString());
    expect(await deliverNotices(deps)).toMatchObject({ outcome: 'delivered', delivered: 2 });
    expect(receiver!.accepted().map((n) => n.noticeId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `${caseId}:refund-sent:${n}`));
    const timeline = (await deps.repository.getCase(caseId)).timeline.filter((t) => t.kind === 'notice.sent');
    expect(timeline).toHaveLength(8);
  });

  it('treats a secret with no value as a failure, naming the variable, and backs off as for a refusal', async () => {
    const { h, deps, notice } = await rig({});
    const caseId = await givenCase(h);
    const result = await acceptNotice(deps, notice(caseId, 1));
    expect(result.delivery).toMatchObject({ outcome: 'retrying', delivered: 0, reason: 'notices.secret: environment variable NOTICE_SECRET has no value' });
    expect(receiver!.posts).toHaveLength(0);
    expect(await deliverNotices(deps)).toMatchObject({ outcome: 'waiting' });
  });
});
