import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDependencies } from '../../../functions/shared/dependencies.ts';
import { bodyOf, errorOf } from '../http/api-support.ts';
import { useHarness } from '../harness.ts';
import { staffRig, type StaffClient } from './support.ts';

const MONDAY_10 = '2025-03-03T10:00:00+08:00';

interface QueuePage {
  items: { caseId: string; step: string; due: string | null }[];
  nextToken?: string;
}

const pageOf = async (staff: StaffClient, query: Record<string, string> = {}): Promise<QueuePage> => {
  const response = await staff.get('/queue', query);
  expect(response.statusCode).toBe(200);
  return bodyOf(response) as unknown as QueuePage;
};

/** Each test gets its own table (a describe of its own), so the queues below are exact. */
describe('GET /queue in pages (issue 27): limit and nextToken', () => {
  afterEach(() => useDependencies(undefined));
  const { fresh } = useHarness();

  it('gives the whole queue without limit, and pages of `limit` that join to the same queue in the same order, the last without nextToken', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    // Five order reviews opened a minute apart: five due minutes.
    for (let i = 0; i < 5; i++) {
      await rig.openCaseWithStep('order.review');
      await rig.clock.advance(60_000);
    }
    const staff = rig.as('li', 'ops-cs');
    const whole = await pageOf(staff);
    expect(whole.items).toHaveLength(5);
    expect(whole).not.toHaveProperty('nextToken');

    const first = await pageOf(staff, { limit: '2' });
    const second = await pageOf(staff, { limit: '2', nextToken: String(first.nextToken) });
    const third = await pageOf(staff, { limit: '2', nextToken: String(second.nextToken) });
    expect([first.items.length, second.items.length, third.items.length]).toEqual([2, 2, 1]);
    expect([typeof first.nextToken, typeof second.nextToken, third.nextToken]).toEqual(['string', 'string', undefined]);
    expect([...first.items, ...second.items, ...third.items]).toEqual(whole.items);
    // The rest of the queue at once: a token without a limit.
    expect((await pageOf(staff, { nextToken: String(first.nextToken) })).items).toEqual(whole.items.slice(2));
  });

});

describe('GET /queue in pages of a queue longer than the whole-queue cut', () => {
  afterEach(() => useDependencies(undefined));
  const { fresh } = useHarness();

  it('reaches every step of a role with more than 1,000 open ones page by page, in order, reading for the first page only what it can need', { timeout: 120_000 }, async () => {
    const rig = staffRig(fresh(MONDAY_10));
    // 1,030 reviews, seven to a minute: many steps share each due minute, and pages of 50 end inside minutes.
    const opened: string[] = [];
    for (let i = 0; i < 1_030; i++) {
      opened.push(await rig.openCaseWithStep('order.review'));
      if (i % 7 === 6) await rig.clock.advance(60_000);
    }
    const staff = rig.as('li', 'ops-cs');
    const reads = vi.spyOn(rig.repository, 'listQueue');
    const first = await pageOf(staff, { limit: '50' });
    const itemsRead = (await Promise.all(reads.mock.results.map((r) => r.value as Promise<{ items: unknown[] }>))).reduce((n, page) => n + page.items.length, 0);
    // 51 beyond the (absent) token, then to the end of the 51st's minute: two store pages of 51, not 1,030 items.
    expect(itemsRead).toBeLessThanOrEqual(2 * 51);
    reads.mockRestore();

    const paged = [...first.items];
    for (let token = first.nextToken; token !== undefined; ) {
      const page = await pageOf(staff, { limit: '50', nextToken: token });
      paged.push(...page.items);
      token = page.nextToken;
    }
    expect(paged).toHaveLength(1_030);
    expect(new Set(paged.map((i) => i.caseId))).toEqual(new Set(opened));
    // Soonest due first throughout, the same order as one large page.
    const dues = paged.map((i) => String(i.due));
    expect(dues).toEqual([...dues].sort());
    expect(paged.slice(0, 1_000)).toEqual((await pageOf(staff, { limit: '1000' })).items);
  });
});

describe('GET /queue in pages when the queue changes between pages', () => {
  afterEach(() => useDependencies(undefined));
  const { fresh } = useHarness();

  it('continues after where the last item stood when that item has left the queue meanwhile', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    // Two pairs of reviews, each pair opened in the same millisecond: the order must still be one order.
    for (let i = 0; i < 4; i++) {
      await rig.openCaseWithStep('order.review');
      if (i % 2 === 1) await rig.clock.advance(60_000);
    }
    const staff = rig.as('li', 'ops-cs');
    const whole = await pageOf(staff);
    const first = await pageOf(staff, { limit: '2' });
    const last = first.items[1];
    if (!last) throw new Error('the first page has 2 items');
    await rig.repository.completeStep({ caseId: last.caseId, step: last.step }, { at: new Date(rig.clock.now()).toISOString(), by: 'li' });

    const next = await pageOf(staff, { limit: '2', nextToken: String(first.nextToken) });
    expect(next.items).toEqual(whole.items.slice(2));
  });

});

describe('GET /queue pages refused', () => {
  afterEach(() => useDependencies(undefined));
  const { fresh } = useHarness();

  it('refuses a bad limit naming it, and a nextToken it did not give with 400 InvalidPageToken', async () => {
    const staff = staffRig(fresh(MONDAY_10)).as('li', 'ops-cs');
    for (const limit of ['0', '1001', '2.5', 'ten']) {
      const refused = await staff.get('/queue', { limit });
      expect([refused.statusCode, errorOf(refused).message]).toEqual([400, expect.stringMatching(/^query\.limit: /)]);
    }
    const notJson = await staff.get('/queue', { nextToken: 'garbage' });
    expect([notJson.statusCode, errorOf(notJson).code]).toEqual([400, 'InvalidPageToken']);
    const notAPosition = await staff.get('/queue', { nextToken: Buffer.from(JSON.stringify({ key: 1 })).toString('base64url') });
    expect([notAPosition.statusCode, errorOf(notAPosition).code]).toEqual([400, 'InvalidPageToken']);
    const stranger = await staff.get('/queue', { page: '2' });
    expect(stranger.statusCode).toBe(400);
  });
});
