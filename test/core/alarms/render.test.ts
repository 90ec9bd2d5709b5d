import { describe, expect, it } from 'vitest';
import { alarmFromEvent, type Alarm } from '../../../core/alarms/alarm.ts';
import { plainText } from '../../../core/alarms/payloads.ts';
import { duration, renderAlarm, renderDigest, type RenderContext } from '../../../core/alarms/render.ts';
import { renderSummary } from '../../../core/alarms/summary.ts';
import { slaReport } from '../../../core/reports/sla-report.ts';
import { Zone } from '../../../core/time/zone.ts';

const zone = new Zone('Asia/Shanghai');
const roleLabels = new Map([
  ['ops-cs', '运营客服 operations customer service (7×12h rotation)'],
  ['supervisor', '主管 supervisor'],
  ['picker', '终端检货员 picker'],
]);
const ctx = (now: string, language: 'zh-CN' | 'en' = 'zh-CN'): RenderContext => ({ now: Date.parse(now), zone, language, roleLabels, consoleUrl: 'https://ops.example.com/console/' });

const breach = (n: number, due = '2026-11-30T01:00:00.000Z'): Alarm => ({
  ...alarmFromEvent({ 'detail-type': 'SlaBreached', detail: { caseId: `order-SO-${n}`, step: 'order.review', attempt: 1, role: 'ops-cs', due, breachedAt: due, escalatedTo: 'supervisor' } }),
  orderId: `SO-${n}`,
});

describe('one alarm', () => {
  it('names what happened, the step, role, order and case, the due time in Asia/Shanghai, how late, the escalation and the console page', () => {
    const text = plainText(renderAlarm(breach(1), ctx('2026-11-30T09:47:00+08:00')));
    expect(text).toBe(
      [
        '【SLA告警】超时:订单审核 order.review',
        '订单 SO-1 · 工单 order-SO-1',
        '角色: 运营客服 ops-cs',
        '截止 11-30 09:00,已超时 47 分钟',
        '已升级至: 主管 supervisor',
        '在控制台查看: https://ops.example.com/console/cases/order-SO-1',
      ].join('\n'),
    );
  });

  it('speaks English on a channel that asks for it', () => {
    const text = plainText(renderAlarm(breach(1), ctx('2026-11-30T11:05:00+08:00', 'en')));
    expect(text).toContain('[SLA alarm] breached: Order review order.review');
    expect(text).toContain('role: operations customer service ops-cs');
    expect(text).toContain('due 11-30 09:00, 2 h 5 min late');
  });

  it('says how soon a warning falls due, when a pickup was missed, and how long a refund is overdue', () => {
    const warning = alarmFromEvent({ 'detail-type': 'SlaWarning', detail: { caseId: 'c', step: 'order.pack', attempt: 1, role: 'terminal-admin', due: '2026-11-30T02:00:00.000Z', warnAt: '2026-11-30T01:48:00.000Z', warnedAt: '2026-11-30T01:48:00.000Z' } });
    expect(plainText(renderAlarm(warning, ctx('2026-11-30T09:48:00+08:00')))).toContain('即将超时:打包录串号 order.pack');
    expect(plainText(renderAlarm(warning, ctx('2026-11-30T09:48:00+08:00')))).toContain('截止 11-30 10:00,还剩 12 分钟');
    const missed = alarmFromEvent({ 'detail-type': 'PickupMissed', detail: { caseId: 'c', orderId: 'SO-9', batchId: '2026-11-30T13:00', plannedAt: '2026-11-30T02:00:00.000Z', handedOverAt: '2026-11-30T05:00:00.000Z' } });
    expect(plainText(renderAlarm(missed, ctx('2026-11-30T13:00:00+08:00')))).toContain('计划揽收 11-30 10:00,实际 11-30 13:00 揽收,晚了 3 小时');
    const refund = alarmFromEvent({ 'detail-type': 'RefundOverdue', detail: { caseId: 'c', step: 'refund.settle', attempt: 1, due: '2026-11-30T15:59:59.000Z', overdueAt: '2026-11-30T16:00:00.000Z' } });
    expect(plainText(renderAlarm(refund, ctx('2026-12-01T00:00:00+08:00')))).toContain('退款逾期:退款到账 refund.settle');
  });
});

describe('a pickup at risk (service-standards.md §2 "Batch targets")', () => {
  const atRisk = alarmFromEvent({
    'detail-type': 'PickupAtRisk',
    detail: { caseId: 'order-SO-7', caseType: 'order', orderId: 'SO-7', step: 'order.pack', attempt: 1, role: 'terminal-admin', batchTargetAt: '2026-11-30T04:45:00.000Z', plannedPickupAt: '2026-11-30T05:00:00.000Z', atRiskAt: '2026-11-30T04:45:00.000Z' },
  });

  it('is keyed by step and batch target, so a redelivery is sent once', () => {
    expect(atRisk).toMatchObject({ key: 'PickupAtRisk#order-SO-7#order.pack#1#2026-11-30T04:45:00.000Z', step: 'order.pack', role: 'terminal-admin', due: '2026-11-30T04:45:00.000Z', plannedPickupAt: '2026-11-30T05:00:00.000Z' });
  });

  it('says by when the step had to be done for which batch, and how long ago that was, in Chinese and English', () => {
    const zh = plainText(renderAlarm(atRisk, ctx('2026-11-30T12:50:00+08:00')));
    expect(zh).toContain('【SLA告警】可能赶不上揽收:打包录串号 order.pack');
    expect(zh).toContain('应于 11-30 12:45 前完成以赶 13:00 揽收,已超过 5 分钟');
    const en = plainText(renderAlarm(atRisk, ctx('2026-11-30T12:50:00+08:00', 'en')));
    expect(en).toContain('pickup at risk');
    expect(en).toContain('to be done by 11-30 12:45 for the 13:00 pickup, 5 min past');
  });

  it('refuses an event without its batch target', () => {
    expect(() => alarmFromEvent({ 'detail-type': 'PickupAtRisk', detail: { caseId: 'c', step: 'order.pack', plannedPickupAt: '2026-11-30T05:00:00.000Z', atRiskAt: '2026-11-30T04:45:00.000Z' } })).toThrow(/batchTargetAt/);
  });
});

describe('a digest', () => {
  it('headlines the count ("09:00 有 37 个订单审核超时"), lists the first items with their due time and counts the rest', () => {
    const alarms = Array.from({ length: 37 }, (_, i) => breach(i + 1));
    const message = renderDigest(alarms, 10, ctx('2026-11-30T09:00:30+08:00'));
    const text = plainText(message);
    expect(message.title).toBe('【SLA告警】09:00 有 37 个订单审核超时');
    expect(text).toContain('(运营客服 ops-cs) 订单 SO-1 · 工单 order-SO-1 · 截止 11-30 09:00,已超时 0 分钟 查看: https://ops.example.com/console/cases/order-SO-1');
    expect(text).toContain('工单 order-SO-10 ·');
    expect(text).not.toContain('工单 order-SO-11 ·');
    expect(text).toContain('…… 另有 27 条,随后续发');
  });

  it('of mixed alarms counts each kind and names it on every line', () => {
    const warning = alarmFromEvent({ 'detail-type': 'SlaWarning', detail: { caseId: 'w', step: 'order.pack', attempt: 1, role: 'terminal-admin', due: '2026-11-30T02:00:00.000Z', warnedAt: '2026-11-30T01:48:00.000Z' } });
    const message = renderDigest([breach(1), warning], 5, ctx('2026-11-30T09:50:00+08:00'));
    expect(message.title).toBe('【SLA告警】09:00 起 2 条告警:超时 1 · 即将超时 1');
    expect(plainText(message)).toContain('即将超时 打包录串号 order.pack');
  });
});

describe('durations and the daily summary', () => {
  it('rounds durations down to minutes and shows at most two units', () => {
    expect(duration(59_999, 'zh-CN')).toBe('0 分钟');
    expect(duration((26 * 60 + 5) * 60_000, 'zh-CN')).toBe('1 天 2 小时');
    expect(duration(90 * 60_000, 'en')).toBe('1 h 30 min');
  });

  it("summarises the day: on-time % overall and per role, and the worst steps", () => {
    const step = (s: string, role: string, late: boolean) => ({
      step: s,
      role,
      status: 'completed' as const,
      openedAt: '2026-11-30T01:00:00.000Z',
      completedAt: '2026-11-30T01:20:00.000Z',
      completedBy: 'x',
      onTime: !late,
      pauses: [],
      ...(late ? { breachedAt: '2026-11-30T01:10:00.000Z' } : {}),
    });
    const steps = [step('order.review', 'ops-cs', true), step('order.review', 'ops-cs', false), step('order.pack', 'picker', false), step('order.pack', 'picker', false)];
    const text = plainText(renderSummary({ day: '2026-11-30', byRole: slaReport({ closed: steps, now: 0 }, 'role'), byStep: slaReport({ closed: steps, now: 0 }, 'step'), language: 'zh-CN', roleLabels }));
    expect(text).toContain('【SLA日报】11-30 准时率 75.0%(完成 4 个步骤,超时 1 个)');
    expect(text).toContain('运营客服 ops-cs 50.0% (1/2)');
    expect(text).toContain('最差步骤:\n订单审核 order.review 50.0%, 超时 1 个');
    expect(text).not.toContain('打包录串号 order.pack 100.0%, 超时');
  });
});

// service-standards.md §9: "the alarm says when it will be seen".
describe('a breach escalated while no escalation level is on duty', () => {
  it('says when the level will see it, in Chinese and English', () => {
    const due = '2026-12-05T13:00:00.000Z'; // Saturday 21:00 Beijing
    const alarm = alarmFromEvent({ 'detail-type': 'SlaBreached', detail: { caseId: 'order-SO-9', step: 'order.review', attempt: 1, role: 'ops-cs', due, breachedAt: due, escalatedTo: 'supervisor', escalationLevel: 1, escalationSeenAt: '2026-12-06T00:00:00.000Z' } });
    expect(plainText(renderAlarm(alarm, ctx('2026-12-05T21:00:30+08:00')))).toContain('已升级至: 主管 supervisor,将于 周日 08:00 由主管处理');
    expect(plainText(renderAlarm(alarm, ctx('2026-12-05T21:00:30+08:00', 'en')))).toContain('escalated to: supervisor, to be seen by the supervisor at Sun 08:00');
  });
});

// service-standards.md §9: "Chat breaches (§10) are alarm events like step breaches".
describe('a chat breach', () => {
  const chat = (type: 'ChatGreetingBreached' | 'ChatReplyBreached', askedAt: string, answeredAt: string | null): Alarm =>
    alarmFromEvent({
      id: `evt-${type}-${askedAt}`,
      'detail-type': type,
      detail: { conversationId: 'conv-18', standard: type === 'ChatReplyBreached' ? 'chat.reply' : 'chat.greeting', role: 'presales-cs', agentId: 'li', askedAt, due: new Date(Date.parse(askedAt) + 60_000).toISOString(), breachedAt: new Date(Date.parse(askedAt) + 61_000).toISOString(), answeredAt },
    });

  it('is keyed by its conversation, so its late greeting and every late question make one message', () => {
    const keys = new Set([chat('ChatGreetingBreached', '2026-11-30T02:00:00.000Z', null), chat('ChatReplyBreached', '2026-11-30T02:00:00.000Z', null), chat('ChatReplyBreached', '2026-11-30T03:00:00.000Z', '2026-11-30T03:02:30.000Z')].map((a) => a.key));
    expect(keys.size).toBe(1);
  });

  it('names the conversation, the agent and the times in seconds, with no case link', () => {
    const text = plainText(renderAlarm(chat('ChatReplyBreached', '2026-11-30T02:00:00.000Z', '2026-11-30T02:02:30.000Z'), ctx('2026-11-30T10:03:00+08:00')));
    expect(text).toBe(['【SLA告警】回复超时:回复顾客(60秒) chat.reply', '会话 conv-18 · 客服 li', '角色: presales-cs', '顾客 11-30 10:00:00 提问,截止 11-30 10:01:00,11-30 10:02:30 才回复'].join('\n'));
  });
});
