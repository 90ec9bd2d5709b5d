/**
 * The notify function's logic on a real case table (DynamoDB Local) and a fake robot over HTTP,
 * with a VirtualClock: flushes are driven by hand where the scheduler would fire them.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbAlarmOutbox } from '../../adapters/alarms/dynamodb-alarm-outbox.ts';
import { postToRobot } from '../../adapters/alarms/robot-client.ts';
import { secretResolver } from '../../adapters/alarms/secrets.ts';
import { DynamoDbCaseRepository } from '../../adapters/case-repository/dynamodb-case-repository.ts';
import { casesTable } from '../../adapters/case-repository/table.ts';
import type { BusEvent } from '../../core/alarms/alarm.ts';
import type { FlushScheduler } from '../../core/alarms/outbox.ts';
import type { AlarmRoute } from '../../core/alarms/routing.ts';
import { systemClock, VirtualClock } from '../../core/time/clock.ts';
import { acceptAlarmEvent } from '../../functions/notify/accept.ts';
import type { NotifyDeps } from '../../functions/notify/deps.ts';
import { DynamoDbConversationStore } from '../../adapters/chat/dynamodb-conversation-store.ts';
import { flushChannel } from '../../functions/notify/flush.ts';
import { sendDailySummaries } from '../../functions/notify/summary.ts';
import type { Log } from '../../functions/shared/logger.ts';
import { getDefaultPolicy } from '../../policy/load.ts';
import { createTestTable, type TestTable } from '../support/dynamodb.ts';
import { FakeRobot, type FakeRobotOptions } from '../support/robots/fake-robot.ts';

class RecordingFlushScheduler implements FlushScheduler {
  readonly planned: { channel: string; at: string }[] = [];
  scheduleFlush(channel: string, at: string): Promise<void> {
    this.planned.push({ channel, at });
    return Promise.resolve();
  }
}

let table: TestTable;
let outbox: DynamoDbAlarmOutbox;
let repository: DynamoDbCaseRepository;
let conversations: DynamoDbConversationStore;
beforeAll(async () => {
  table = await createTestTable(casesTable);
  outbox = new DynamoDbAlarmOutbox(DynamoDBDocumentClient.from(table.client), table.tableName);
  repository = new DynamoDbCaseRepository({ client: table.client, tableName: table.tableName });
  conversations = new DynamoDbConversationStore({ client: table.client, tableName: table.tableName });
});
afterAll(() => table?.drop());
const robots: FakeRobot[] = [];
afterEach(async () => {
  await Promise.all(robots.splice(0).map((r) => r.close()));
});

let channelCount = 0;
interface Rig {
  deps: NotifyDeps;
  robot: FakeRobot;
  clock: VirtualClock;
  flushes: RecordingFlushScheduler;
  channel: string;
  errors: unknown[][];
}

async function rig(start: string, options: { robot?: Omit<FakeRobotOptions, 'clock'>; secret?: string; route?: Partial<AlarmRoute> } = {}): Promise<Rig> {
  const clock = new VirtualClock(start);
  const robotOptions = options.robot ?? { kind: 'wecom' };
  const robot = await FakeRobot.start({ ...robotOptions, clock });
  robots.push(robot);
  const channel = `c${++channelCount}-${process.pid}`;
  const flushes = new RecordingFlushScheduler();
  const errors: unknown[][] = [];
  const policy = getDefaultPolicy();
  const deps: NotifyDeps = {
    outbox,
    flushes,
    repository,
    conversations,
    policy,
    setup: {
      channels: new Map([[channel, { name: channel, kind: robot.kind, url: robot.url, language: 'zh-CN', mentions: [], ...(options.secret ? { secret: { env: 'ROBOT_SECRET' } } : {}) }]]),
      routes: [{ events: ['*'], roles: ['*'], steps: ['*'], channels: [channel], warnings: true, onDutyOnly: false, ...options.route }],
      digestWindowSeconds: 30,
      maxItemsPerMessage: 20,
      dailySummaryAt: 18 * 60,
    },
    clock,
    realClock: systemClock,
    send: (request) => postToRobot(request),
    secrets: secretResolver({ ROBOT_SECRET: options.secret }, () => {
      throw new Error('no Secrets Manager in this test');
    }),
    log: { debug: () => {}, info: () => {}, warn: () => {}, appendKeys: () => {}, error: (...args: unknown[]) => void errors.push(args) } as unknown as Log,
  };
  return { deps, robot, clock, flushes, channel, errors };
}

const breached = (caseId: string, due = '2026-11-30T01:00:00.000Z', role = 'ops-cs'): BusEvent => ({
  id: `evt-${caseId}-${Math.random()}`,
  'detail-type': 'SlaBreached',
  source: 'sla-platform',
  detail: { scope: 'step', caseId, caseType: 'order', step: 'order.review', attempt: 1, role, due, breachedAt: due, escalatedTo: 'supervisor' },
});

describe('an alarm event', () => {
  it('is queued once however often it is delivered, and the one flush planned for the end of the digest window sends it once', async () => {
    const r = await rig('2026-11-30T09:00:00+08:00');
    await repository.createCase({ id: 'order-SO-77', type: 'order', orderId: 'SO-77', openedAt: '2026-11-29T14:00:00.000Z', data: {} });
    const first = await acceptAlarmEvent(r.deps, breached('order-SO-77'));
    const again = await acceptAlarmEvent(r.deps, breached('order-SO-77'));
    expect(first.queued).toEqual([r.channel]);
    expect(again).toMatchObject({ queued: [], repeated: [r.channel] });
    expect(r.flushes.planned).toEqual([{ channel: r.channel, at: '2026-11-30T01:00:30.000Z' }]);

    await r.clock.advanceTo('2026-11-30T09:00:30+08:00');
    expect(await flushChannel(r.deps, r.channel)).toMatchObject({ outcome: 'sent', sent: 1 });
    expect(r.robot.texts()).toHaveLength(1);
    expect(r.robot.texts()[0]).toContain('订单 SO-77 · 工单 order-SO-77');

    // Redelivered after it went out: nothing new to send.
    await acceptAlarmEvent(r.deps, breached('order-SO-77'));
    await r.clock.advance(60_000);
    expect(await flushChannel(r.deps, r.channel)).toMatchObject({ outcome: 'nothing-ready' });
    expect(r.robot.texts()).toHaveLength(1);
  });

  it('past the per-message limit leaves the rest for a flush paced to the platform (3 s apart for 20 a minute)', async () => {
    const r = await rig('2026-11-30T09:00:00+08:00');
    r.deps.setup = { ...r.deps.setup, maxItemsPerMessage: 5 };
    for (let i = 0; i < 12; i++) await acceptAlarmEvent(r.deps, breached(`order-P${i}`));
    await r.clock.advanceTo('2026-11-30T09:00:30+08:00');
    expect(await flushChannel(r.deps, r.channel)).toMatchObject({ outcome: 'sent', sent: 5 });
    expect(r.robot.texts()[0]).toContain('…… 另有 7 条,随后续发');
    // Too early: the pacing holds it back and plans the flush for when the robot may take it.
    expect(await flushChannel(r.deps, r.channel)).toMatchObject({ outcome: 'paced' });
    expect(r.flushes.planned.at(-1)).toEqual({ channel: r.channel, at: '2026-11-30T01:00:33.050Z' });
    await r.clock.advanceTo('2026-11-30T09:00:33.050+08:00');
    expect(await flushChannel(r.deps, r.channel)).toMatchObject({ sent: 5 });
    await r.clock.advance(3050);
    expect(await flushChannel(r.deps, r.channel)).toMatchObject({ sent: 2 });
    const named = r.robot.texts().join('\n');
    for (let i = 0; i < 12; i++) expect(named).toContain(`工单 order-P${i} ·`);
  });

  it("a robot refusing the signature is dead-lettered with the robot's errmsg, and logged", async () => {
    const r = await rig('2026-11-30T09:00:00+08:00', { robot: { kind: 'dingtalk', secret: 'SECright' }, secret: 'SECwrong' });
    await acceptAlarmEvent(r.deps, breached('order-DL'));
    await r.clock.advance(30_000);
    expect(await flushChannel(r.deps, r.channel)).toMatchObject({ outcome: 'dead-lettered', answer: { code: 310000, message: 'sign not match' } });
    expect(await outbox.deadLetters(r.channel)).toEqual([expect.objectContaining({ reason: '310000 sign not match', alarm: expect.objectContaining({ caseId: 'order-DL' }) })]);
    expect(await outbox.pending(r.channel, 10)).toEqual([]);
    expect(JSON.stringify(r.errors)).toContain('sign not match');
  });

  it('on an on-duty-only route waits for the role\'s shift: a breach at 21:00 goes out after 08:00', async () => {
    const r = await rig('2026-11-30T21:00:00+08:00', { route: { onDutyOnly: true } });
    await acceptAlarmEvent(r.deps, breached('order-NIGHT', '2026-11-30T12:55:00.000Z'));
    expect(r.flushes.planned).toEqual([{ channel: r.channel, at: '2026-12-01T00:00:00.000Z' }]);
    await r.clock.advance(60_000);
    expect(await flushChannel(r.deps, r.channel)).toMatchObject({ outcome: 'nothing-ready' });
    await r.clock.advanceTo('2026-12-01T08:00:00+08:00');
    expect(await flushChannel(r.deps, r.channel)).toMatchObject({ outcome: 'sent', sent: 1 });
  });
});

const warned = (caseId: string, due: string, warnedAt: string): BusEvent => ({
  id: `evt-w-${caseId}-${Math.random()}`,
  'detail-type': 'SlaWarning',
  source: 'sla-platform',
  detail: { scope: 'step', caseId, caseType: 'order', step: 'order.review', attempt: 1, role: 'ops-cs', due, warnedAt },
});

describe('a catch-up digest after a restart', () => {
  it('drops a warning whose step has breached: no "即将超时 … 还剩 0 分钟" next to its own breach, and none for a deadline already past', async () => {
    // Down from 09:20 to 10:00: the warnings (09:20) and breaches (09:30) of the night all arrive at 10:00.
    const r = await rig('2026-11-30T10:00:00+08:00');
    await acceptAlarmEvent(r.deps, warned('order-W1', '2026-11-30T01:30:00.000Z', '2026-11-30T01:20:00.000Z'));
    await acceptAlarmEvent(r.deps, breached('order-W1', '2026-11-30T01:30:00.000Z'));
    await acceptAlarmEvent(r.deps, warned('order-W2', '2026-11-30T01:45:00.000Z', '2026-11-30T01:35:00.000Z')); // its breach not delivered yet
    await acceptAlarmEvent(r.deps, warned('order-W3', '2026-11-30T02:10:00.000Z', '2026-11-30T02:00:00.000Z')); // still ahead: a true warning
    await r.clock.advance(30_000);

    expect(await flushChannel(r.deps, r.channel)).toMatchObject({ outcome: 'sent', sent: 2 });
    const text = r.robot.texts().join('\n');
    expect(text).toContain('工单 order-W1 ·');
    expect(text).toContain('工单 order-W3 ·');
    expect(text).not.toContain('order-W2');
    expect(text.match(/还剩/g)).toHaveLength(1); // W3 only
    expect(text).not.toContain("还剩 0 分钟");
    expect(await outbox.pending(r.channel, 10)).toEqual([]);
  });
});

describe('the daily summary', () => {
  it('goes to each channel once, at the first run at or after 18:00', async () => {
    const r = await rig('2026-11-30T17:45:00+08:00');
    expect((await sendDailySummaries(r.deps)).sent).toEqual([]);
    await r.clock.advanceTo('2026-11-30T18:00:00+08:00');
    expect(await sendDailySummaries(r.deps)).toEqual({ day: '2026-11-30', sent: [r.channel], failed: [] });
    await r.clock.advanceTo('2026-11-30T18:15:00+08:00');
    expect((await sendDailySummaries(r.deps)).sent).toEqual([]);
    expect(r.robot.texts()).toEqual([expect.stringContaining('【SLA日报】11-30')]);
  });
});
