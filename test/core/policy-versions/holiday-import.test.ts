import { describe, expect, it } from 'vitest';
import { importHolidaySchedule, mergeSchedule } from '../../../core/policy-versions/holiday-import.ts';
import { due } from '../../../core/deadline/due.ts';
import { compilePolicy } from '../../../policy/compile.ts';
import { readPolicyJson, parsePolicy } from '../../../policy/load.ts';

// A schedule in the State Council notice's yearly wording (one item per festival, days off "放假",
// swapped working days "上班"). The 2027 dates here are illustrative, not the published notice.
const NOTICE_2027 = `
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日（农历除夕、周六）至14日（周日）放假调休，共9天。2月20日（周六）上班。
三、清明节：4月5日（周一）放假，共1天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
五、端午节：6月9日（周三）放假，共1天。
六、中秋节：9月15日（周三）放假，共1天。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
`;

describe('importing the State Council\'s yearly holiday schedule', () => {
  it('reads the notice\'s items: each range of days off as holidays, each "上班" day as an adjusted working day, named by festival', () => {
    const schedule = importHolidaySchedule(NOTICE_2027, 2027);
    expect(schedule.holidays.filter((h) => h.name === '春节').map((h) => h.date)).toEqual(['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13', '2027-02-14']);
    expect(schedule.holidays).toHaveLength(3 + 9 + 1 + 5 + 1 + 1 + 7);
    expect(schedule.adjustedWorkdays).toEqual([
      { date: '2027-02-20', name: '春节' },
      { date: '2027-04-25', name: '劳动节' },
      { date: '2027-05-08', name: '劳动节' },
      { date: '2027-09-26', name: '国庆节' },
      { date: '2027-10-09', name: '国庆节' },
    ]);
  });

  it('reads a range that crosses into the next year, and JSON', () => {
    expect(importHolidaySchedule('一、元旦：2027年12月31日至2028年1月2日放假，共3天。', 2028).holidays.map((h) => h.date)).toEqual(['2027-12-31', '2028-01-01', '2028-01-02']);
    expect(importHolidaySchedule('{"holidays": [{"date": "2027-01-01", "name": "元旦"}]}', 2027)).toEqual({ holidays: [{ date: '2027-01-01', name: '元旦' }], adjustedWorkdays: [] });
    expect(() => importHolidaySchedule('{"holidays": [{"date": "1/1/2027", "name": "元旦"}]}', 2027)).toThrow('holidays[0].date: expected "YYYY-MM-DD"');
    expect(() => importHolidaySchedule('hello', 2027)).toThrow(/no holiday found/);
  });

  it('makes 2027 deadlines no longer provisional once imported (docs/policy.md: a year without published data is provisional)', () => {
    const json = readPolicyJson() as { workingDays: Record<string, unknown> };
    const opened = Date.parse('2026-12-28T10:00:00+08:00');
    const before = due('refund.settle', opened, { channel: 'bank-card' }, [], compilePolicy(parsePolicy(json)), { explain: false });
    expect(before.provisional).toBe(true);
    const imported = { ...json, workingDays: mergeSchedule(json.workingDays, importHolidaySchedule(NOTICE_2027, 2027)) };
    const after = due('refund.settle', opened, { channel: 'bank-card' }, [], compilePolicy(parsePolicy(imported)), { explain: false });
    expect(after.provisional).toBe(false);
  });
});
