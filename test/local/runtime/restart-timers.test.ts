import { mkdtempSync } from 'node:fs';
import { edgeClientConfig } from '../../../local/runtime/edge-client.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { afterEach, describe, expect, it } from 'vitest';
import { manifest } from '../../../app/manifest.ts';
import { PlatformClient } from '../../../local/demo/platform-client.ts';
import { systemClock } from '../../../core/time/clock.ts';
import { signingKey } from '../../../local/identity/tokens.ts';
import { FakeRobot } from '../../support/robots/fake-robot.ts';
import { webhookSecret } from '../../../local/identity/webhook-secret.ts';
import { LocalNames } from '../../../local/runtime/names.ts';
import { platformClock } from '../../../local/runtime/platform-clock.ts';
import { orderPlaced } from '../../support/orders.ts';
import { confirmedChecklist } from '../../support/checklists.ts';
import { killAll, killHard, startChild, waitFor, type RuntimeChild } from './child.ts';

// `npm start` in a child process, killed with SIGKILL while an order review is open and its SLA
// timers pending, then started again "two hours later" (--time): the timers that fell due during
// the downtime fire once, the breach reaches the group robot once (in the next digest), and the
// workflow goes on.
const names = new LocalNames(manifest);
let robot: FakeRobot | undefined;
const ROBOT_SECRET = 'SECrestart0123456789abcdef';
/** waitFor polls every 100 ms: 90 s, three digest windows, for the first digest to go out. */
const DIGEST_WAIT_ATTEMPTS = 900;

afterEach(async () => {
  killAll();
  await robot?.close();
});

/** The platform as the storefront and staff reach it, on the clock the child runs (read from the data dir); webhooks signed with real time, as a storefront signs. */
function clientOf(child: RuntimeChild, dataDir: string): PlatformClient {
  return new PlatformClient({ apiUrl: child.apiUrl, webhookSecret: webhookSecret(dataDir), signingKey: signingKey(dataDir), clock: platformClock(dataDir), signatureClock: systemClock });
}

/** The pending timers of one step of a case (names read `<kind>.<step>.<attempt>.<caseId>-<hash>`). */
async function timersOf(child: RuntimeChild, caseId: string, step: string): Promise<string[]> {
  const scheduler = new SchedulerClient(edgeClientConfig(child));
  try {
    const listed = await scheduler.send(new ListSchedulesCommand({ GroupName: names.timerScheduleGroup(), MaxResults: 100 }));
    return (listed.Schedules ?? []).map((s) => s.Name ?? '').filter((name) => name.includes(`.${step}.`) && name.includes(caseId));
  } finally {
    scheduler.destroy();
  }
}

describe('SLA timers across kill -9', () => {
  it('fire once after a restart when they fell due during the downtime, and the workflow resumes', async () => {
    robot = await FakeRobot.start({ kind: 'dingtalk', secret: ROBOT_SECRET });
    const dataDir = mkdtempSync(join(tmpdir(), 'restart-timers-'));
    const alarm = { ALARM_WEBHOOK_URL: robot.url, ALARM_WEBHOOK_KIND: 'dingtalk', ALARM_WEBHOOK_SECRET: ROBOT_SECRET };

    const first = await startChild(dataDir, ['--time', '2026-11-30T09:05:00+08:00'], alarm);
    const placedAt = platformClock(dataDir).now();
    const placed = await clientOf(first, dataDir).storefront('order.placed', orderPlaced('SO-RESTART', placedAt));
    expect(placed.status).toBe(202);
    const caseId = placed.body.caseId as string;
    const opsCs = clientOf(first, dataDir).staff('olivia', ['ops-cs']);
    const review = await waitFor('the review in the ops-cs queue', async () => (await opsCs.queue()).find((i) => i.caseId === caseId));
    expect(review).toMatchObject({ step: 'order.review', status: 'open' });
    // The review counts from the order's placedAt (service-standards.md §2: 30 min after placement).
    expect(Date.parse(review.due!)).toBe(placedAt + 30 * 60_000);
    expect((await timersOf(first, caseId, 'order.review')).length).toBeGreaterThan(0);

    await killHard(first.child);
    expect(robot.texts()).toHaveLength(0);

    const second = await startChild(dataDir, ['--time', '2026-11-30T11:00:00+08:00', '--change-clock'], alarm);
    // The breach reaches the notify function once (it then goes out in the next digest: docs/alarms.md).
    const breachAccepted = (): number => second.output().split('\n').filter((l) => l.includes('"alarm accepted"') && l.includes(`SlaBreached#${caseId}#order.review`)).length;
    await waitFor('the breach at the notify function', () => (breachAccepted() > 0 ? true : undefined));
    await waitFor('the start-up sweep', () => (second.output().includes('"sweep done"') ? true : undefined));
    // Its warning and due timers fired; its batch-target timer (12:15, for the 13:00 batch) is still ahead.
    const fired = async (): Promise<string[]> => (await timersOf(second, caseId, 'order.review')).filter((name) => !name.startsWith('batch-target.'));
    await waitFor("the review's fired timers to be gone", async () => ((await fired()).length === 0 ? true : undefined));
    expect((await timersOf(second, caseId, 'order.review')).filter((name) => name.startsWith('batch-target.'))).toHaveLength(1);

    // The workflow waited through the kill: completing the review opens packing.
    const staff = clientOf(second, dataDir);
    const completed = await staff.staff('olivia', ['ops-cs']).complete(caseId, 'order.review', { outcome: 'confirmed', fields: confirmedChecklist('order.review', 'confirmed') });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ onTime: false });
    await waitFor('packing in the terminal-admin queue', async () => (await staff.staff('tom', ['terminal-admin']).queue()).find((i) => i.caseId === caseId && i.step === 'order.pack'));

    const view = await staff.staff('sam', ['supervisor']).getCase(caseId);
    const breachedEntries = view.body.timeline.filter((e) => e.kind === 'sla.breached' && e.step === 'order.review');
    expect(breachedEntries).toHaveLength(1);
    expect(breachAccepted()).toBe(1);

    // …and goes out in the next digest (30 s window, docs/alarms.md), once, naming the order.
    const texts = await waitFor('the digest at the DingTalk robot', () => (robot!.texts().length > 0 ? robot!.texts() : undefined), DIGEST_WAIT_ATTEMPTS);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('SO-RESTART');
    expect(texts[0]).toMatch(/超时 1/);
  }, 240_000);
});
