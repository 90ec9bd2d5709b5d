import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDependencies } from '../../../functions/shared/dependencies.ts';
import { bodyOf, errorOf } from '../http/api-support.ts';
import { useHarness } from '../harness.ts';
import { staffRig } from './support.ts';

const MONDAY_10 = '2025-03-03T10:00:00+08:00';

interface BoardBody {
  asOf: string;
  day: string;
  now: { role: string; step: string; open: number; warned: number; breached: number; paused: number }[];
  escalated: { caseId: string; step: string }[];
  pickupsDue: { caseId: string; step: string; due: string | null }[];
  missedPickups: { caseId: string; step: string; due: string | null }[];
  overdueRefunds: { caseId: string }[];
  today: { group: string; count: number; onTime: number; onTimePct: number | null }[];
}

describe('GET /board', () => {
  const { fresh } = useHarness();
  afterEach(() => useDependencies(undefined));

  it('counts active steps per role and step, lists escalated breaches and missed pickups, and gives today\'s on-time figures per step', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const late = await rig.openCaseWithStep('order.dispatch'); // picker, due 10:05
    const paused = await rig.openCaseWithStep('order.dispatch');
    const done = await rig.openCaseWithStep('order.pack');
    const pickup = await rig.openCaseWithStep('order.pickup'); // planned batch 13:00 (opened 10:00)
    await rig.repository.markBreached({ caseId: late, step: 'order.dispatch' }, '2025-03-03T02:05:00Z', { role: 'supervisor', level: 1, seenAt: '2025-03-03T02:05:00Z' });
    const picker = rig.as('li', 'picker');
    await picker.post(`/cases/${paused}/steps/order.dispatch/pause`, { reason: '等快递 courier late' });
    await rig.clock.advance(20 * 60_000);
    await rig.as('zhang', 'terminal-admin').post(`/cases/${done}/steps/order.pack/complete`, { fields: { serialNumbers: ['SN1'], invoiceNo: 'INV1' } });
    await rig.repository.markBreached({ caseId: pickup, step: 'order.pickup' }, '2025-03-03T05:00:00Z', { role: 'supervisor', level: 1, seenAt: '2025-03-03T05:00:00Z' });

    const answer = await rig.as('boss', 'supervisor').get('/board');
    expect(answer.statusCode).toBe(200);
    const board = bodyOf(answer) as unknown as BoardBody;
    expect(board.day).toBe('2025-03-03');
    const dispatch = board.now.find((c) => c.role === 'picker' && c.step === 'order.dispatch');
    // The shared table holds other tests' steps too: at least ours are counted.
    expect(dispatch?.breached).toBeGreaterThanOrEqual(1);
    expect(dispatch?.paused).toBeGreaterThanOrEqual(1);
    expect(board.escalated.map((s) => s.caseId)).toContain(late);
    expect(board.missedPickups.map((s) => s.caseId)).toContain(pickup);
    expect(board.today.find((r) => r.group === 'order.pack')?.count).toBeGreaterThanOrEqual(1);
  });

  it('shows a parcel planned for the 13:00 batch as due, not missed, between 13:00 and the run that hands it over', async () => {
    const rig = staffRig(fresh('2025-03-03T11:00:00+08:00'));
    const parcel = await rig.openCaseWithStep('order.pickup'); // planned batch 13:00
    const board = async (): Promise<BoardBody> => bodyOf(await rig.as('boss', 'supervisor').get('/board')) as unknown as BoardBody;

    expect((await board()).pickupsDue.map((s) => s.caseId)).not.toContain(parcel); // 11:00: its batch is ahead
    await rig.clock.advanceTo('2025-03-03T13:00:20+08:00'); // the batch's time has come; no run yet
    const due = await board();
    expect(due.pickupsDue).toContainEqual({ caseId: parcel, step: 'order.pickup', due: '2025-03-03T05:00:00.000Z', breachedAt: null });
    expect(due.missedPickups.map((s) => s.caseId)).not.toContain(parcel);

    await rig.as('zhao', 'picker').post('/pickups/run');
    expect((await board()).pickupsDue.map((s) => s.caseId)).not.toContain(parcel);
  });

  it('reads each role\'s queue and each step\'s waiting list once, from its first page on (issue 27)', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    await rig.openCaseWithStep('order.dispatch');
    const queueReads = vi.spyOn(rig.repository, 'listQueue');
    const awaitingReads = vi.spyOn(rig.repository, 'listAwaiting');
    expect((await rig.as('boss', 'supervisor').get('/board')).statusCode).toBe(200);

    const firstPages = (calls: unknown[][]): string[] => calls.filter(([, page]) => (page as { nextToken?: string } | undefined)?.nextToken === undefined).map(([key]) => key as string);
    const roles = firstPages(queueReads.mock.calls);
    expect(roles.length).toBeGreaterThan(0);
    expect(roles).toContain('picker');
    expect(new Set(roles).size).toBe(roles.length);
    const steps = firstPages(awaitingReads.mock.calls);
    expect(steps).toContain('order.pickup');
    expect(new Set(steps).size).toBe(steps.length);
  });

  it('is for supervisors only (403 names the board)', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const refused = await rig.as('li', 'picker').get('/board');
    expect([refused.statusCode, errorOf(refused).code]).toEqual([403, 'Forbidden']);
    expect(errorOf(refused).message).toContain('supervisor board');
  });
});
