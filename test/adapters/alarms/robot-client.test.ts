import { afterEach, describe, expect, it } from 'vitest';
import { postToRobot } from '../../../adapters/alarms/robot-client.ts';
import { alarmFromEvent, type Alarm } from '../../../core/alarms/alarm.ts';
import { Verdict } from '../../../core/alarms/answers.ts';
import type { ChannelKind } from '../../../core/alarms/channel-kind.ts';
import { robotPayload } from '../../../core/alarms/payloads.ts';
import { renderAlarm, type RenderContext } from '../../../core/alarms/render.ts';
import { VirtualClock, systemClock } from '../../../core/time/clock.ts';
import { getDefaultPolicy } from '../../../policy/load.ts';
import { FakeRobot, type FakeRobotOptions } from '../../support/robots/fake-robot.ts';

// Each platform's fake robot enforces its documented rules; the client must satisfy them (body
// shape, signature on the real clock, keyword) and read their answers the way the platform means them.
const policy = getDefaultPolicy();
const NOW = Date.parse('2026-11-30T09:40:00+08:00');
const ctx: RenderContext = { now: NOW, zone: policy.zone, language: 'zh-CN', consoleUrl: 'http://127.0.0.1:3000/console/', roleLabels: new Map([...policy.roles].map(([id, r]) => [id, r.label])) };
const breach: Alarm = {
  ...alarmFromEvent({
    'detail-type': 'SlaBreached',
    detail: { scope: 'step', caseId: 'order-SO-1', caseType: 'order', step: 'order.review', attempt: 1, role: 'ops-cs', due: '2026-11-30T01:35:00.000Z', breachedAt: '2026-11-30T01:35:00.000Z', escalatedTo: 'supervisor' },
  }),
  orderId: 'SO-1',
};

let robots: FakeRobot[] = [];
afterEach(async () => {
  await Promise.all(robots.map((r) => r.close()));
  robots = [];
});
async function robot(options: FakeRobotOptions): Promise<FakeRobot> {
  const started = await FakeRobot.start(options);
  robots.push(started);
  return started;
}
const send = (r: FakeRobot, options: { secret?: string; realNow?: number; mentions?: string[] } = {}) =>
  postToRobot({
    kind: r.kind,
    url: r.url,
    body: robotPayload(r.kind, renderAlarm(breach, ctx), { mentions: options.mentions ?? [], events: [breach.event] }),
    realNow: options.realNow ?? systemClock.now(),
    ...(options.secret !== undefined ? { secret: options.secret } : {}),
  });

describe.each<ChannelKind>(['wecom', 'dingtalk', 'feishu', 'slack', 'generic'])('a %s robot', (kind) => {
  it('takes the breach, and the group reads it in Chinese with the step, case, order, due time, escalation and console link', async () => {
    const r = await robot({ kind });
    const answer = await send(r);
    expect(answer).toMatchObject({ verdict: Verdict.accepted, code: kind === 'slack' ? 200 : kind === 'generic' ? 204 : 0 });
    const text = r.texts()[0]!;
    for (const part of ['【SLA告警】超时:订单审核 order.review', '订单 SO-1 · 工单 order-SO-1', '运营客服 ops-cs', '截止 11-30 09:35,已超时 5 分钟', '主管 supervisor', 'http://127.0.0.1:3000/console/cases/order-SO-1']) {
      expect(text).toContain(part);
    }
  });
});

describe('signed robots', () => {
  it('DingTalk takes a message signed with its secret on the real clock', async () => {
    const r = await robot({ kind: 'dingtalk', secret: 'SECgood', keyword: 'SLA' });
    expect(await send(r, { secret: 'SECgood' })).toMatchObject({ verdict: Verdict.accepted, code: 0, message: 'ok' });
  });

  it('DingTalk refuses a wrong secret and a timestamp from a rehearsal clock with errcode 310000, for good', async () => {
    const r = await robot({ kind: 'dingtalk', secret: 'SECgood' });
    expect(await send(r, { secret: 'SECwrong' })).toMatchObject({ verdict: Verdict.rejected, status: 200, code: 310000, message: 'sign not match' });
    const rehearsal = new VirtualClock('2026-12-25T09:00:00+08:00');
    expect(await send(r, { secret: 'SECgood', realNow: rehearsal.now() })).toMatchObject({ verdict: Verdict.rejected, code: 310000 });
    expect(r.delivered).toHaveLength(0);
  });

  it('DingTalk in keyword mode refuses a message without its keyword', async () => {
    const r = await robot({ kind: 'dingtalk', keyword: '库存' });
    expect(await send(r)).toMatchObject({ verdict: Verdict.rejected, code: 310000, message: 'keywords not in content' });
  });

  it('Feishu takes a body signed with timestamp and sign, and refuses a wrong secret with code 19021', async () => {
    const r = await robot({ kind: 'feishu', secret: 'feishu-secret' });
    expect(await send(r, { secret: 'feishu-secret' })).toMatchObject({ verdict: Verdict.accepted, code: 0 });
    expect(await send(r, { secret: 'other' })).toMatchObject({ verdict: Verdict.rejected, code: 19021 });
  });

  it('@mentions the on-duty supervisor where the platform supports it: DingTalk by mobile in the text and at.atMobiles', async () => {
    const r = await robot({ kind: 'dingtalk' });
    await send(r, { mentions: ['13800001111'] });
    expect(r.texts()[0]).toContain('@13800001111');
    expect(r.delivered[0]!.body.at).toMatchObject({ atMobiles: ['13800001111'] });
  });
});

describe('rate limits, answered as each platform answers them', () => {
  it('WeCom: the 21st message within a minute gets HTTP 200 with errcode 45009, which is worth retrying', async () => {
    const clock = new VirtualClock(NOW);
    const r = await robot({ kind: 'wecom', clock });
    for (let i = 0; i < 20; i++) expect((await send(r)).verdict).toBe(Verdict.accepted);
    expect(await send(r)).toMatchObject({ verdict: Verdict.retry, status: 200, code: 45009, message: 'api freq out of limit' });
    await clock.advance(60_000);
    expect((await send(r)).verdict).toBe(Verdict.accepted);
  });

  it('DingTalk: past 20 a minute the robot is blocked for 10 minutes with errcode 130101', async () => {
    const clock = new VirtualClock(NOW);
    const r = await robot({ kind: 'dingtalk', clock });
    for (let i = 0; i < 20; i++) await send(r);
    expect(await send(r)).toMatchObject({ verdict: Verdict.retry, code: 130101 });
    await clock.advance(5 * 60_000);
    expect(await send(r)).toMatchObject({ verdict: Verdict.retry, code: 130101 });
    await clock.advance(5 * 60_000 + 1);
    expect((await send(r)).verdict).toBe(Verdict.accepted);
  });

  it('Slack: HTTP 429 with Retry-After, and 400 no_text for a body without text', async () => {
    const clock = new VirtualClock(NOW);
    const r = await robot({ kind: 'slack', clock });
    for (let i = 0; i < 60; i++) await send(r);
    expect(await send(r)).toMatchObject({ verdict: Verdict.retry, status: 429, retryAfterMs: 30_000 });
    const empty = await postToRobot({ kind: 'slack', url: r.url, body: { blocks: [] }, realNow: systemClock.now() });
    expect(empty).toMatchObject({ verdict: Verdict.rejected, status: 400, message: 'no_text' });
  });

  it('an unreachable robot is a retry, not a crash', async () => {
    const r = await robot({ kind: 'wecom' });
    await r.close();
    expect((await send(r)).verdict).toBe(Verdict.retry);
  });
});
