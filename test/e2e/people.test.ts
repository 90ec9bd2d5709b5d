/**
 * Issue 23 "Assignment" on the real runtime with its virtual clock: people are the accounts of
 * `npm run user`, a supervisor rosters the ops-cs 7×12h day in two shifts, new ops-cs steps go
 * round-robin to the people on the early shift, and at the shift change the sweep hands their
 * open steps to the late shift ("Off duty (end of shift, leave) their open steps return to the
 * pool or go to the next on-duty person"). Claim, release and assign are on the timeline.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_PATH } from '../../policy/load.ts';
import { AccountStore, accountsPath } from '../../local/identity/accounts.ts';
import { orderPlaced } from '../support/orders.ts';
import { TestPlatform } from './platform.ts';

let platform: TestPlatform | undefined;
afterEach(() => platform?.stop());

const FAST = { N: 1024, r: 8, p: 1 } as const;
const DAY = '2026-12-08';

async function team(p: TestPlatform): Promise<void> {
  const accounts = new AccountStore(accountsPath(p.dataDir), ['ops-cs', 'supervisor'], () => p.clock.now(), FAST);
  await accounts.add('li.na', ['ops-cs'], 'password-1', '李娜');
  await accounts.add('wang.wei', ['ops-cs'], 'password-1', '王伟');
  await accounts.add('zhang.min', ['ops-cs'], 'password-1', '张敏');
  await accounts.add('chen.jing', ['supervisor'], 'password-1', '陈静');
}

const early = (person: string) => ({ day: DAY, person, role: 'ops-cs', from: '08:00', to: '14:00' });
const late = (person: string) => ({ day: DAY, person, role: 'ops-cs', from: '14:00', to: '20:00' });

async function placeOrder(p: TestPlatform, orderId: string): Promise<string> {
  const { status, caseId } = await p.storefront('order.placed', orderPlaced(orderId, p.clock.now()));
  expect(status).toBe(202);
  return caseId!;
}

async function holderOf(p: TestPlatform, caseId: string, step = 'order.review'): Promise<string | undefined> {
  return (await p.view(caseId)).steps.find((s) => s.step === step)?.assignedTo as string | undefined;
}

describe('a rostered ops-cs day', () => {
  it('assigns new reviews round-robin to the early shift and hands them to the late shift at 14:00', async () => {
    const p = (platform = await TestPlatform.start('2026-12-08T09:00:00+08:00'));
    await team(p);
    const boss = p.staff('chen.jing', ['supervisor']);

    const put = await boss.call('PUT', `/rosters?from=${DAY}&to=${DAY}`, { entries: [early('li.na'), early('wang.wei'), late('zhang.min')] });
    expect(put.status).toBe(200);

    const cases = [];
    for (const id of ['SO-P1', 'SO-P2', 'SO-P3']) cases.push(await placeOrder(p, id));
    // Round-robin over the two on duty, in id order: li.na, wang.wei, li.na.
    expect(await Promise.all(cases.map((c) => holderOf(p, c)))).toEqual(['li.na', 'wang.wei', 'li.na']);
    const first = (await p.view(cases[0]!)).timeline.find((e) => e.kind === 'step.assigned');
    expect(first).toMatchObject({ step: 'order.review', detail: { to: 'li.na', rule: 'round-robin' } });

    // The board: who holds what, who is on duty now.
    const board = await boss.call<{ team: { people: { id: string; name: string; open: number; onDutyNow: string[] }[] } }>('GET', '/board');
    expect(board.body.team.people.map((x) => [x.id, x.name, x.open, x.onDutyNow])).toEqual([
      ['chen.jing', '陈静', 0, ['supervisor']],
      ['li.na', '李娜', 2, ['ops-cs']],
      ['wang.wei', '王伟', 1, ['ops-cs']],
      ['zhang.min', '张敏', 0, []],
    ]);

    // 14:00 the early shift ends; the sweep (every 5 minutes) hands their open reviews to zhang.min.
    await p.advanceTo('2026-12-08T14:06:00+08:00');
    expect(await Promise.all(cases.map((c) => holderOf(p, c)))).toEqual(['zhang.min', 'zhang.min', 'zhang.min']);
    const handover = (await p.view(cases[1]!)).timeline.find((e) => e.kind === 'step.assigned' && (e.detail as { reason?: string }).reason === 'off-duty');
    expect(handover?.detail).toEqual({ from: 'wang.wei', to: 'zhang.min', reason: 'off-duty' });
    // A step opened in the late shift goes to zhang.min too; the completion still records who completed it.
    const evening = await placeOrder(p, 'SO-P4');
    expect(await holderOf(p, evening)).toBe('zhang.min');
    await p.complete(p.staff('zhang.min', ['ops-cs']), evening, 'order.review', { outcome: 'confirmed' });
    const done = (await p.view(evening)).steps.find((s) => s.step === 'order.review')!;
    expect(done).toMatchObject({ status: 'completed', assignedTo: 'zhang.min', completedBy: 'zhang.min' });
  });

  it('refuses a shift outside the role calendar with a 400 naming it, and writes nothing', async () => {
    const p = (platform = await TestPlatform.start('2026-12-08T09:00:00+08:00'));
    await team(p);
    const boss = p.staff('chen.jing', ['supervisor']);
    const bad = await boss.call<{ error: { code: string; message: string } }>('PUT', `/rosters?from=${DAY}&to=${DAY}`, {
      entries: [early('li.na'), { day: DAY, person: 'wang.wei', role: 'ops-cs', from: '07:00', to: '15:00' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("wang.wei's ops-cs shift on 2026-12-08 07:00–15:00 is outside the ops-cs hours that day (08:00–20:00)");
    expect((await boss.call<{ entries: unknown[] }>('GET', `/rosters?from=${DAY}&to=${DAY}`)).body.entries).toEqual([]);
    // A clerk may not write the roster.
    expect((await p.staff('li.na', ['ops-cs']).call('PUT', `/rosters?from=${DAY}&to=${DAY}`, { entries: [] })).status).toBe(403);

    // Only the early shift rostered: the ops-cs queue warns that 14:00–20:00 has nobody ("a shift has nobody rostered").
    expect((await boss.call('PUT', `/rosters?from=${DAY}&to=${DAY}`, { entries: [early('li.na')] })).status).toBe(200);
    const queue = await p.staff('li.na', ['ops-cs']).call<{ rosterGaps: unknown[] }>('GET', '/queue');
    expect(queue.body.rosterGaps).toEqual([{ role: 'ops-cs', day: DAY, from: '2026-12-08T14:00:00+08:00', to: '2026-12-08T20:00:00+08:00' }]);
  });

  it('lets a clerk claim and release a pool step, refuses a claim of a held one, and lets the supervisor assign it', async () => {
    const p = (platform = await TestPlatform.start('2026-12-08T09:00:00+08:00'));
    await team(p);
    const boss = p.staff('chen.jing', ['supervisor']);
    // Nobody rostered today and no one on leave: everyone of ops-cs is on; wang.wei is on leave, so he is not.
    await boss.call('PUT', `/rosters?from=${DAY}&to=${DAY}`, { entries: [{ day: DAY, person: 'wang.wei', leave: true }] });
    const caseId = await placeOrder(p, 'SO-C1');
    expect(await holderOf(p, caseId)).toBe('li.na');

    const li = p.staff('li.na', ['ops-cs']);
    const zhang = p.staff('zhang.min', ['ops-cs']);
    const path = `/cases/${caseId}/steps/order.review`;
    const taken = await zhang.call<{ error: { code: string; message: string } }>('POST', `${path}/claim`, {});
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'StepAssignedToOther', message: 'order.review of ' + caseId + ' is assigned to li.na; a supervisor can reassign it' });

    // A minute between the actions, so the timeline orders them as they happened.
    await p.advance(60_000);
    expect((await li.call('POST', `${path}/release`, {})).status).toBe(200);
    expect(await holderOf(p, caseId)).toBeUndefined();
    await p.advance(60_000);
    const claimed = await zhang.call<{ assignedTo: string }>('POST', `${path}/claim`, {});
    expect(claimed.status).toBe(200);
    expect(claimed.body.assignedTo).toBe('zhang.min');

    expect((await li.call('POST', `${path}/assign`, { to: 'li.na' })).status).toBe(403);
    const unknown = await boss.call<{ error: { code: string } }>('POST', `${path}/assign`, { to: 'chen.jing' });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'UnknownAssignee']);
    await p.advance(60_000);
    expect((await boss.call('POST', `${path}/assign`, { to: 'wang.wei' })).status).toBe(200);
    expect(await holderOf(p, caseId)).toBe('wang.wei');

    const entries = (await p.view(caseId)).timeline.filter((e) => e.kind === 'step.assigned').map((e) => [e.by ?? null, (e.detail as { action?: string }).action ?? null, (e.detail as { to: string | null }).to]);
    expect(entries).toEqual([
      [null, null, 'li.na'],
      ['li.na', 'release', null],
      ['zhang.min', 'claim', 'zhang.min'],
      ['chen.jing', 'assign', 'wang.wei'],
    ]);
  });

  it('escalates a breach to the supervisor on duty by the roster, naming the person (issue 23: "Escalations go to an on-duty person of the level when a roster exists")', async () => {
    const p = (platform = await TestPlatform.start('2026-12-08T18:30:00+08:00'));
    const accounts = new AccountStore(accountsPath(p.dataDir), ['supervisor'], () => p.clock.now(), FAST);
    await accounts.add('chen.jing', ['supervisor'], 'password-1', '陈静');
    await accounts.add('sun.li', ['supervisor'], 'password-1', '孙丽');
    const boss = p.staff('chen.jing', ['supervisor']);
    const supervisors = [
      { day: DAY, person: 'chen.jing', role: 'supervisor', from: '08:00', to: '14:00' },
      { day: DAY, person: 'sun.li', role: 'supervisor', from: '14:00', to: '20:00' },
    ];
    expect((await boss.call('PUT', `/rosters?from=${DAY}&to=${DAY}`, { entries: supervisors })).status).toBe(200);
    // order.review: 30 ops-cs minutes → due 19:00; nobody of ops-cs is a person here, so it stays in the pool.
    const caseId = await placeOrder(p, 'SO-ESC');
    await p.advanceTo('2026-12-08T19:01:00+08:00');
    const escalated = (await p.view(caseId)).timeline.find((e) => e.kind === 'step.escalated');
    expect(escalated?.detail).toMatchObject({ role: 'supervisor', level: 1, breach: true, person: 'sun.li' });
    expect(await holderOf(p, caseId)).toBeUndefined();
  });

  it('under handover "to-pool" puts the early shift\'s open reviews back in the pool at 14:00, where they stay until claimed', async () => {
    const doc = { ...(JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as Record<string, unknown>), assignment: { 'ops-cs': { rule: 'round-robin', handover: 'to-pool' } } };
    const policyPath = join(mkdtempSync(join(tmpdir(), 'policy-')), 'policy.json');
    writeFileSync(policyPath, JSON.stringify(doc));
    const p = (platform = await TestPlatform.start('2026-12-08T13:00:00+08:00', { policyPath }));
    await team(p);
    await p.staff('chen.jing', ['supervisor']).call('PUT', `/rosters?from=${DAY}&to=${DAY}`, { entries: [early('li.na'), late('zhang.min')] });
    const caseId = await placeOrder(p, 'SO-POOL');
    expect(await holderOf(p, caseId)).toBe('li.na');
    await p.advanceTo('2026-12-08T14:11:00+08:00');
    expect(await holderOf(p, caseId)).toBeUndefined();
    expect((await p.view(caseId)).timeline.filter((e) => e.kind === 'step.assigned').at(-1)?.detail).toEqual({ from: 'li.na', to: null, reason: 'off-duty' });
    // A later sweep does not give it out again: the pool is the policy's answer.
    await p.advanceTo('2026-12-08T14:31:00+08:00');
    expect(await holderOf(p, caseId)).toBeUndefined();
  });
});
