import { describe, expect, it } from 'vitest';
import { alarmFromEvent } from '../../../core/alarms/alarm.ts';
import { AlarmEventInvalid } from '../../../core/alarms/errors.ts';
import { readAnswer, Verdict } from '../../../core/alarms/answers.ts';
import { kindFromUrl } from '../../../core/alarms/channel-kind.ts';
import { everythingTo, matchesPattern, routeAlarm, type AlarmRoute } from '../../../core/alarms/routing.ts';

const route = (over: Partial<AlarmRoute>): AlarmRoute => ({ events: ['*'], roles: ['*'], steps: ['*'], channels: ['c'], warnings: false, onDutyOnly: false, ...over });

describe('recognising a robot from its URL', () => {
  it.each([
    ['https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', 'wecom'],
    ['https://oapi.dingtalk.com/robot/send?access_token=t', 'dingtalk'],
    ['https://open.feishu.cn/open-apis/bot/v2/hook/x', 'feishu'],
    ['https://open.larksuite.com/open-apis/bot/v2/hook/x', 'feishu'],
    ['https://hooks.slack.com/services/T/B/X', 'slack'],
    ['http://127.0.0.1:9000/robot', 'generic'],
    ['not a url', 'generic'],
  ])('%s is %s', (url, kind) => {
    expect(kindFromUrl(url)).toBe(kind);
  });
});

describe('routing', () => {
  const breach = { detailType: 'SlaBreached', role: 'ops-cs', step: 'order.review' };
  const warning = { ...breach, detailType: 'SlaWarning' };

  it('matches event type × role × step with "*" patterns, each channel once', () => {
    const routes = [route({ steps: ['order.*'], channels: ['ops'] }), route({ roles: ['ops-cs'], channels: ['ops', 'lead'] }), route({ steps: ['complaint.*'], channels: ['complaints'] })];
    expect(routeAlarm({ routes }, breach).map((d) => d.channel)).toEqual(['ops', 'lead']);
    expect(routeAlarm({ routes }, { detailType: 'PickupMissed', role: 'picker', step: 'order.pickup' }).map((d) => d.channel)).toEqual(['ops']);
  });

  it('sends warnings only through routes that ask for them', () => {
    expect(routeAlarm({ routes: [route({})] }, warning)).toEqual([]);
    expect(routeAlarm({ routes: [route({ warnings: true })] }, warning)).toEqual([{ channel: 'c', onDutyOnly: false }]);
  });

  it('holds for the shift only when every route to the channel says so', () => {
    expect(routeAlarm({ routes: [route({ onDutyOnly: true })] }, breach)).toEqual([{ channel: 'c', onDutyOnly: true }]);
    expect(routeAlarm({ routes: [route({ onDutyOnly: true }), route({})] }, breach)).toEqual([{ channel: 'c', onDutyOnly: false }]);
  });

  it('the one-robot shortcut takes every alarm event, warnings included', () => {
    expect(routeAlarm({ routes: [everythingTo('default')] }, warning)).toEqual([{ channel: 'default', onDutyOnly: false }]);
  });

  it('treats pattern characters other than "*" literally', () => {
    expect(matchesPattern('order.*', 'orderXreview')).toBe(false);
    expect(matchesPattern('*', undefined)).toBe(true);
    expect(matchesPattern('order.review', undefined)).toBe(false);
  });
});

describe('alarm keys and answers', () => {
  it('gives a redelivered breach the same key, and a breach after a recomputed deadline another', () => {
    const detail = { caseId: 'c', step: 'order.review', attempt: 1, role: 'ops-cs', due: '2026-11-30T01:00:00.000Z', breachedAt: '2026-11-30T01:00:00.000Z' };
    const first = alarmFromEvent({ id: 'e1', 'detail-type': 'SlaBreached', detail });
    expect(alarmFromEvent({ id: 'e2', 'detail-type': 'SlaBreached', detail }).key).toBe(first.key);
    expect(alarmFromEvent({ 'detail-type': 'SlaBreached', detail: { ...detail, due: '2026-11-30T02:00:00.000Z' } }).key).not.toBe(first.key);
  });

  it('refuses an event without the fields people need, naming the field', () => {
    expect(() => alarmFromEvent({ 'detail-type': 'SlaBreached', detail: { caseId: 'c', step: 's' } })).toThrow(AlarmEventInvalid);
    expect(() => alarmFromEvent({ 'detail-type': 'SlaBreached', detail: { caseId: 'c', step: 's' } })).toThrow(/SlaBreached: detail.due/);
  });

  it('reads an HTTP 200 with a non-zero errcode as a failure, and a garbled answer as worth retrying', () => {
    expect(readAnswer('dingtalk', 200, '{"errcode":310000,"errmsg":"keywords not in content"}')).toMatchObject({ verdict: Verdict.rejected, code: 310000 });
    expect(readAnswer('feishu', 200, '{"code":11232,"msg":"frequency limited"}')).toMatchObject({ verdict: Verdict.retry, code: 11232 });
    expect(readAnswer('wecom', 200, '<html>gateway</html>').verdict).toBe(Verdict.retry);
    expect(readAnswer('wecom', 502, 'bad gateway').verdict).toBe(Verdict.retry);
    expect(readAnswer('generic', 404, 'nope').verdict).toBe(Verdict.rejected);
  });
});
