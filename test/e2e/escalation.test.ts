/**
 * Escalation that reaches a person on duty (issue 20 item 8; service-standards.md §9, derived from
 * the seed's "处理不了的及时上报"): `escalation.levels` supervisor (08:00–20:00 every day) then manager
 * (09:00–18:00 on working days). "A breach escalates to the first level on duty at that moment; if
 * none is, to the first level at its next shift start, and the alarm says when it will be seen. A
 * person may escalate an open step by hand with a reason. Every escalation is on the step's
 * timeline with its level, and the board lists open escalations by level." On the real runtime,
 * virtual clock, signed DingTalk robot fake.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_PATH } from '../../policy/load.ts';
import { orderPlaced } from '../support/orders.ts';
import { TestPlatform } from './platform.ts';

let platform: TestPlatform | undefined;
afterEach(() => platform?.stop());

async function placeOrder(p: TestPlatform, orderId: string): Promise<string> {
  const { status, caseId } = await p.storefront('order.placed', orderPlaced(orderId, p.clock.now()));
  expect(status).toBe(202);
  return caseId!;
}

interface Escalation {
  role: string;
  level: number;
  at: string;
  seenAt: string;
  reason: string | null;
  by: string | null;
}

describe('an evening breach of an ops-cs step', () => {
  it('escalates at 19:00 to the supervisor on duty, a hand escalation goes on to the manager at 09:00 the next working day, and the board lists both levels', async () => {
    const p = (platform = await TestPlatform.start('2026-11-30T18:30:00+08:00'));
    // order.review: 30 ops-cs minutes → due 19:00 (ops-cs works to 20:00; the old supervisor calendar ended at 17:00).
    const late = await placeOrder(p, 'SO-EVE');
    await p.advanceTo('2026-11-30T19:01:00+08:00');

    const breached = (await p.view(late)).steps.find((s) => s.step === 'order.review')!;
    expect(breached).toMatchObject({ status: 'breached', escalatedTo: { role: 'supervisor', level: 1, at: '2026-11-30T19:00:00+08:00', seenAt: '2026-11-30T19:00:00+08:00', reason: null } });
    const alarm = p.robot.texts().find((t) => t.includes('】超时:订单审核'))!;
    expect(alarm).toContain('已升级至: 主管 supervisor');
    expect(alarm).not.toContain('将于');
    expect(p.bus.forCase('SlaBreached', late)[0]!.detail).toMatchObject({ escalatedTo: 'supervisor', escalationLevel: 1, escalationSeenAt: '2026-11-30T11:00:00.000Z' });

    const sam = p.staff('sam', ['supervisor']);
    expect((await sam.queue()).find((i) => i.caseId === late)).toMatchObject({ status: 'breached', escalatedTo: { role: 'supervisor', level: 1 } });

    // The supervisor cannot settle it and escalates by hand at 19:05: the manager is off until 09:00 Tuesday.
    await p.advanceTo('2026-11-30T19:05:00+08:00');
    const path = `/cases/${late}/steps/order.review/escalate`;
    const up = await sam.call<{ escalatedTo: Escalation }>('POST', path, { reason: '顾客要求经理处理' });
    expect(up.status).toBe(200);
    expect(up.body.escalatedTo).toEqual({ role: 'manager', level: 2, at: '2026-11-30T19:05:00+08:00', seenAt: '2026-12-01T09:00:00+08:00', reason: '顾客要求经理处理', by: 'sam' });
    // Nowhere further to go.
    const top = await sam.call<{ error: { code: string } }>('POST', path, { reason: 'again' });
    expect(top.status).toBe(409);
    expect(top.body.error.code).toBe('NoHigherEscalationLevel');

    // Both escalations are on the timeline with their level.
    const entries = (await p.view(late)).timeline.filter((e) => e.kind === 'step.escalated');
    expect(entries.map((e) => ({ by: e.by, ...e.detail }))).toEqual([
      { by: undefined, role: 'supervisor', level: 1, seenAt: '2026-11-30T19:00:00+08:00', breach: true },
      { by: 'sam', role: 'manager', level: 2, seenAt: '2026-12-01T09:00:00+08:00', reason: '顾客要求经理处理' },
    ]);

    // ops-cs escalates an open review of another order by hand: it goes to the supervisor on duty; its clock runs on.
    const other = await placeOrder(p, 'SO-HELP');
    const olivia = p.staff('olivia', ['ops-cs']);
    const help = await olivia.call<{ status: string; escalatedTo: Escalation }>('POST', `/cases/${other}/steps/order.review/escalate`, { reason: '地址无法核实' });
    expect(help.status).toBe(200);
    expect(help.body).toMatchObject({ status: 'open', escalatedTo: { role: 'supervisor', level: 1, seenAt: '2026-11-30T19:05:00+08:00', by: 'olivia' } });

    // The manager's queue has the first; the supervisor's the second; the board lists them level by level.
    expect((await p.staff('mia', ['manager']).queue()).map((i) => i.caseId)).toEqual([late]);
    expect((await sam.queue()).filter((i) => i.escalatedTo !== null).map((i) => i.caseId)).toEqual([other]);
    const board = await sam.call<{ escalated: { caseId: string; escalatedTo: Escalation }[] }>('GET', '/board');
    expect(board.body.escalated.map((i) => [i.escalatedTo.level, i.escalatedTo.role, i.caseId])).toEqual([
      [1, 'supervisor', other],
      [2, 'manager', late],
    ]);
  }, 120_000);

  it('refuses a hand escalation without a reason, with one too long, by another role, or of a closed step', async () => {
    const p = (platform = await TestPlatform.start('2026-11-30T10:00:00+08:00'));
    const caseId = await placeOrder(p, 'SO-BAD');
    const olivia = p.staff('olivia', ['ops-cs']);
    const path = `/cases/${caseId}/steps/order.review/escalate`;
    const missing = await olivia.call('POST', path, {});
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('body.reason');
    const long = await olivia.call('POST', path, { reason: '太'.repeat(501) });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toContain('at most 500');
    expect((await p.staff('tom', ['terminal-admin']).call('POST', path, { reason: 'x' })).status).toBe(403);
    expect((await p.view(caseId)).steps.find((s) => s.step === 'order.review')!.escalatedTo).toBeNull();

    await p.complete(olivia, caseId, 'order.review', { outcome: 'confirmed' });
    const closed = await olivia.call<{ error: { code: string } }>('POST', path, { reason: 'too late' });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('StepNotOpen');
  }, 120_000);
});

describe('a breach when no escalation level is on duty', () => {
  it('goes at 21:00 on Saturday to the supervisor, and the alarm says it will be seen on Sunday at 08:00', async () => {
    // A store whose ops-cs works to 22:00 (a policy edit): its reviews can breach after the supervisors leave at 20:00.
    const doc = JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as { roles: Record<string, { shifts: { from: string; to: string }[] }> };
    doc.roles['ops-cs']!.shifts = [{ from: '08:00', to: '22:00' }];
    const policyPath = join(mkdtempSync(join(tmpdir(), 'policy-')), 'policy.json');
    writeFileSync(policyPath, JSON.stringify(doc));
    const p = (platform = await TestPlatform.start('2026-12-05T20:30:00+08:00', { policyPath }));

    const caseId = await placeOrder(p, 'SO-SAT-NIGHT');
    await p.advanceTo('2026-12-05T21:01:00+08:00');
    const review = (await p.view(caseId)).steps.find((s) => s.step === 'order.review')!;
    expect(review).toMatchObject({ status: 'breached', escalatedTo: { role: 'supervisor', level: 1, at: '2026-12-05T21:00:00+08:00', seenAt: '2026-12-06T08:00:00+08:00' } });
    const alarm = p.robot.texts().find((t) => t.includes('】超时:订单审核'))!;
    expect(alarm).toContain('已升级至: 主管 supervisor,将于 周日 08:00 由主管处理');
  }, 120_000);
});
