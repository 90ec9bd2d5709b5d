/**
 * The policy as a versioned document of the running platform (issue 25), on the real runtime with
 * its virtual clock: an operator publishes a version through the HTTP API while the runtime keeps
 * running. With `openSteps: "recompute"`, an open step's deadline moves and its SLA timer is
 * re-armed in the scheduler emulator: the breach fires at the new instant. Steps opened after the
 * publish use the new version.
 */
import { readFileSync } from 'node:fs';
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

const review = async (p: TestPlatform, caseId: string) => (await p.view(caseId)).steps.find((s) => s.step === 'order.review')!;

describe('publishing a policy version on the running platform', () => {
  it('recomputes an open step: its deadline moves to the new shift, the re-armed timer breaches it then, and the next order uses the version too', async () => {
    // Monday 19:40; ops-cs is on duty 08:00–20:00 (service-standards.md §1).
    const p = (platform = await TestPlatform.start('2026-12-07T19:40:00+08:00'));
    const versions = await p.staff('li', ['ops-cs']).call<{ current: number; versions: { version: number; source: string }[] }>('GET', '/policy/versions');
    expect(versions.body).toMatchObject({ current: 1, versions: [{ version: 1, source: 'default' }] });

    const open = await placeOrder(p, 'SO-POLICY-1');
    // order.review, 30 ops-cs minutes: 20 on Monday evening, 10 on Tuesday morning.
    expect((await review(p, open)).due).toBe('2026-12-08T08:10:00+08:00');

    const document = JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as { roles: Record<string, { shifts: unknown[] }> };
    document.roles['ops-cs']!.shifts = [{ from: '08:00', to: '22:00' }];
    const olga = p.staff('olga', ['operator']);
    const published = await olga.call<{ version: { version: number }; moved: { caseId: string; due: string }[] }>('POST', '/policy/versions', {
      document,
      reason: 'evening cover until 22:00',
      openSteps: 'recompute',
      basedOn: 1,
    });
    expect(published.status).toBe(201);
    expect(published.body.version.version).toBe(2);
    expect(published.body.moved).toEqual([expect.objectContaining({ caseId: open, due: '2026-12-07T12:10:00.000Z' })]);
    await p.runtime.settle();

    const moved = await review(p, open);
    expect(moved.due).toBe('2026-12-07T20:10:00+08:00');
    expect((await p.view(open)).timeline.find((e) => e.kind === 'step.rescheduled')).toMatchObject({ step: 'order.review', by: 'olga', detail: { policyVersion: 2 } });
    const later = await placeOrder(p, 'SO-POLICY-2');
    expect((await review(p, later)).due).toBe('2026-12-07T20:10:00+08:00');

    await p.advanceTo('2026-12-07T20:11:00+08:00');
    expect(await review(p, open)).toMatchObject({ status: 'breached' });
    expect(p.bus.forCase('SlaBreached', open)).toHaveLength(1);
  }, 120_000);
});
