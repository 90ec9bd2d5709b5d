import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../../../../console/src/api/types.ts';
import { minutesText, remainingView } from '../../../../console/src/queue/remaining.ts';

const item = (over: Partial<QueueItem>): QueueItem => ({
  caseId: 'order-1',
  caseType: 'order',
  step: 'order.review',
  stepLabel: { zh: '订单审核', en: 'Order review' },
  attempt: 1,
  role: 'ops-cs',
  openedAt: '2026-11-30T09:00:00+08:00',
  due: '2026-11-30T09:30:00+08:00',
  warnAt: '2026-11-30T09:24:00+08:00',
  status: 'open',
  escalatedTo: null,
  plannedPickupAt: null,
  batchTargetAt: null,
  atRiskAt: null,
  batchTargetRemainingMinutes: null,
  remainingOnDutyMinutes: 12,
  onDutyNow: true,
  countingResumesAt: null,
  pausedNow: null,
  provisional: false,
  stockOut: false,
  waiting: null,
  ...over,
});

describe('a queue row\'s clock, from the API\'s figures only', () => {
  it('reads on time, warned, breached (negative minutes) and paused from the status and minutes the API sent', () => {
    expect(remainingView(item({})).urgency).toBe('ok');
    expect(remainingView(item({ status: 'warned', remainingOnDutyMinutes: 4 })).urgency).toBe('warned');
    expect(remainingView(item({ status: 'breached', remainingOnDutyMinutes: -3 }))).toMatchObject({ urgency: 'breached', minutes: -3 });
    const paused = remainingView(item({ status: 'paused', pausedNow: { from: '2026-11-30T09:05:00+08:00', reason: '客户稍后回电', until: '2026-11-30T10:00:00+08:00' }, countingResumesAt: '2026-11-30T10:00:00+08:00' }));
    expect(paused).toMatchObject({ urgency: 'paused', pauseReason: '客户稍后回电', resumesAt: '2026-11-30T10:00:00+08:00' });
  });

  it('says off duty, with when counting resumes, when the role is not on shift', () => {
    expect(remainingView(item({ onDutyNow: false, countingResumesAt: '2026-12-01T08:00:00+08:00', remainingOnDutyMinutes: 60 }))).toMatchObject({ urgency: 'offDuty', resumesAt: '2026-12-01T08:00:00+08:00', minutes: 60 });
  });

  it('has no clock for a step without a deadline', () => {
    expect(remainingView(item({ due: null, remainingOnDutyMinutes: null })).urgency).toBe('none');
  });

  it('writes minutes as people read them, the sign left to the words', () => {
    expect(minutesText(12, 'zh')).toBe('12 分钟');
    expect(minutesText(-75, 'zh')).toBe('1 小时 15 分钟');
    expect(minutesText(60, 'en')).toBe('1 h 0 min');
  });
});
