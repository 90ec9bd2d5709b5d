/**
 * Policy holiday entries extend or override the chinese-days data: a new year's schedule (2027 is
 * not in the package yet) or a correction needs no code change. Until then, a year without data
 * counts the statutory holidays by law and its deadlines are provisional. 2026-12-31 is a
 * Thursday, 2027-01-01 a Friday, 2027-01-02 a Saturday.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { due } from '../../core/deadline/due.ts';
import type { CompiledPolicy, Facts } from '../../core/deadline/types.ts';
import { dayFromCivil } from '../../core/time/civil.ts';
import { compilePolicy } from '../../policy/compile.ts';
import { DEFAULT_POLICY_PATH, getDefaultPolicy, parsePolicy } from '../../policy/load.ts';

interface WorkingDaysInput {
  holidayData?: 'chinese-days' | 'none';
  holidays?: { date: string; name: string }[];
  adjustedWorkdays?: { date: string; name: string }[];
  removedHolidays?: string[];
}

function policyWith(workingDays: WorkingDaysInput, timeZone?: string): CompiledPolicy {
  const doc = JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as Record<string, unknown>;
  doc.workingDays = workingDays;
  if (timeZone) doc.timeZone = timeZone;
  return compilePolicy(parsePolicy(doc, 'test'));
}

const at = (iso: string): number => Date.parse(iso);
const dueOf = (policy: CompiledPolicy, step: string, opened: string, facts: Facts = {}) => due(step, at(opened), facts, [], policy);
const bankCard = { channel: 'bank-card' };
const newYear2027 = { date: '2027-01-01', name: "New Year's Day 元旦" };

describe('adding 2027 holidays to the policy', () => {
  it('counts New Year\'s Day 2027 by law before the schedule is published (provisional), and for certain once it is', () => {
    const without = dueOf(getDefaultPolicy(), 'refund.settle', '2026-12-30T10:00+08:00', bankCard);
    // 12-31, 01-04..01-08, 01-11: 01-01 is a statutory holiday whatever the schedule
    expect(without.due).toBe(at('2027-01-12T00:00+08:00'));
    expect(without.provisional).toBe(true);
    expect(without.explain.some((l) => l.startsWith("2027-01-01 Fri: public holiday by law (New Year's Day 元旦), provisional, not counted"))).toBe(true);
    expect(without.explain.some((l) => l.startsWith('no published holiday schedule for 2027: its statutory holidays (全国年节及纪念日放假办法) are counted'))).toBe(true);

    const withHoliday = dueOf(policyWith({ holidays: [newYear2027] }), 'refund.settle', '2026-12-30T10:00+08:00', bankCard);
    expect(withHoliday.due).toBe(at('2027-01-12T00:00+08:00'));
    expect(withHoliday.provisional).toBe(false);
    expect(withHoliday.explain.some((l) => l.startsWith("2027-01-01 Fri: public holiday (New Year's Day 元旦), not counted"))).toBe(true);
    expect(withHoliday.explain.some((l) => l.startsWith('no published holiday schedule'))).toBe(false);
  });

  it('gives the answer of the issue for a bank-card refund opened 2026-12-28: end of 2027-01-07, provisional', () => {
    // 12-29..12-31 (1–3), 01-01 statutory holiday, 01-04..01-07 (4–7)
    const result = dueOf(getDefaultPolicy(), 'refund.settle', '2026-12-28T10:00+08:00', bankCard);
    expect([result.due, result.provisional]).toEqual([at('2027-01-08T00:00+08:00'), true]);
    expect(result.explain.at(-2)).toBe('due at the end of 2027-01-07 Thu (2027-01-08 Fri 00:00) — provisional 暂定');
  });

  it('keeps deadlines inside a year with data final', () => {
    const result = dueOf(getDefaultPolicy(), 'refund.settle', '2026-09-24T10:00+08:00', bankCard);
    expect(result.provisional).toBe(false);
  });

  it('counts the lunar holidays of 2027 by law: Spring Festival from its eve, Dragon Boat and Mid-autumn', () => {
    const calendar = getDefaultPolicy().workingDays;
    const names = (y: number, m: number, d: number) => [calendar.isWorkingDay(dayFromCivil(y, m, d)), calendar.info(dayFromCivil(y, m, d)).name];
    // 除夕 2027-02-05 (Fri) and 初一–初三 02-06..02-08; 02-09 (Tue) is worked as far as anyone knows yet
    expect(names(2027, 2, 4)).toEqual([true, undefined]);
    expect(names(2027, 2, 5)).toEqual([false, 'Spring Festival 春节']);
    expect(names(2027, 2, 8)).toEqual([false, 'Spring Festival 春节']);
    expect(names(2027, 2, 9)).toEqual([true, undefined]);
    expect(names(2027, 6, 9)).toEqual([false, 'Dragon Boat Festival 端午']);
    expect(names(2027, 9, 15)).toEqual([false, 'Mid-autumn Festival 中秋']);
    expect(names(2027, 4, 5)).toEqual([false, 'Tomb-sweeping Day 清明']);
    expect(calendar.info(dayFromCivil(2027, 2, 5)).provisional).toBe(true);
  });

  it('moves a complaint callback opened 2026-12-31 past New Year\'s Day either way', () => {
    expect(dueOf(getDefaultPolicy(), 'complaint.callback', '2026-12-31T15:00+08:00').due).toBe(at('2027-01-06T00:00+08:00'));
    expect(dueOf(policyWith({ holidays: [newYear2027] }), 'complaint.callback', '2026-12-31T15:00+08:00').due).toBe(at('2027-01-06T00:00+08:00'));
  });

  it('counts an adjusted working Saturday added by the policy', () => {
    const policy = policyWith({ holidays: [newYear2027], adjustedWorkdays: [{ date: '2027-01-02', name: "New Year's Day 元旦" }] });
    expect(policy.workingDays.isWorkingDay(dayFromCivil(2027, 1, 2))).toBe(true);
    const result = dueOf(policy, 'complaint.callback', '2026-12-31T15:00+08:00');
    // 01-02 (调休) and 01-04
    expect(result.due).toBe(at('2027-01-05T00:00+08:00'));
    expect(result.explain.some((l) => l.includes('2027-01-02 Sat: adjusted working day 调休'))).toBe(true);
  });
});

describe('a year added to the policy in part', () => {
  // The policy adds only 元旦 and 春节 2027 (with one bridge day): 清明, 劳动节, 端午, 中秋 and 国庆节
  // are still days off by law (全国年节及纪念日放假办法 art. 2), not silently working days.
  const springFestival = ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'].map((date) => ({ date, name: 'Spring Festival 春节' }));
  const partial = { holidays: [newYear2027, ...springFestival] };

  it('keeps the statutory holidays it does not list: 清明 2027-04-05 and 国庆 2027-10-01 stay days off', () => {
    const calendar = policyWith(partial).workingDays;
    expect(calendar.isWorkingDay(dayFromCivil(2027, 4, 5))).toBe(false);
    expect(calendar.info(dayFromCivil(2027, 4, 5)).name).toBe('Tomb-sweeping Day 清明');
    expect(calendar.isWorkingDay(dayFromCivil(2027, 10, 1))).toBe(false);
    expect(calendar.isWorkingDay(dayFromCivil(2027, 2, 9))).toBe(false); // the listed bridge day
    expect(calendar.isWorkingDay(dayFromCivil(2027, 4, 6))).toBe(true);
  });

  it('drops a statutory holiday only when removedHolidays names it', () => {
    const calendar = policyWith({ ...partial, removedHolidays: ['2027-04-05'] }).workingDays;
    expect(calendar.isWorkingDay(dayFromCivil(2027, 4, 5))).toBe(true);
    expect(calendar.isWorkingDay(dayFromCivil(2027, 10, 1))).toBe(false);
  });
});

describe('overriding the chinese-days data', () => {
  it('makes a 调休 Saturday a holiday again', () => {
    const policy = policyWith({ holidays: [{ date: '2026-10-10', name: 'company day off' }] });
    expect(policy.workingDays.isWorkingDay(dayFromCivil(2026, 10, 10))).toBe(false);
    const result = dueOf(policy, 'refund.settle', '2026-09-24T10:00+08:00', bankCard);
    // 09-28..30 (1–3), 10-08, 10-09 (4–5), 10-12, 10-13 (6–7)
    expect(result.due).toBe(at('2026-10-14T00:00+08:00'));
    expect(result.explain.some((l) => l.includes('public holiday (company day off)'))).toBe(true);
  });

  it('makes a holiday a working day', () => {
    const policy = policyWith({ adjustedWorkdays: [{ date: '2026-10-07', name: 'back early' }] });
    const result = dueOf(policy, 'refund.settle', '2026-09-24T10:00+08:00', bankCard);
    // 09-28..30 (1–3), 10-07 (4), 10-08, 10-09 (5–6), 10-10 (7)
    expect(result.due).toBe(at('2026-10-11T00:00+08:00'));
  });

  it('falls back to the statutory holidays (no 调休) without built-in data', () => {
    const policy = policyWith({ holidayData: 'none' });
    // 10-01..10-03 are National Day by law; 10-04 is a Sunday, 10-05 and 10-06 count (10-04..10-07 of the published schedule are unknown)
    const callback = dueOf(policy, 'complaint.callback', '2026-09-30T18:00+08:00');
    expect([callback.due, callback.provisional]).toEqual([at('2026-10-07T00:00+08:00'), true]);
    // Saturday 10-10 is no longer worked: Monday 10-12 and Tuesday 10-13
    expect(dueOf(policy, 'order.handover', '2026-10-09T09:00+08:00').due).toBe(at('2026-10-14T00:00+08:00'));
    expect(dueOf(getDefaultPolicy(), 'order.handover', '2026-10-09T09:00+08:00').due).toBe(at('2026-10-13T00:00+08:00'));
  });
});

describe('the policy time zone', () => {
  it('reads every clock time in the configured zone', () => {
    const tokyo = policyWith({}, 'Asia/Tokyo');
    // 21:30 in Shanghai is 22:30 in Tokyo: off duty, due 09:00 Tokyo = 08:00 Shanghai
    const result = dueOf(tokyo, 'order.review', '2026-11-26T21:30+08:00');
    expect(result.due).toBe(at('2026-11-27T09:00+09:00'));
    expect(result.warnAt).toBe(at('2026-11-27T08:48+09:00'));
  });
});
