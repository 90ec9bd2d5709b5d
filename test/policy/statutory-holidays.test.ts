/**
 * The statutory holidays by law (全国年节及纪念日放假办法, 2025 text): 13 days a year, solar and
 * lunar. Checked against the State Council's published schedules for 2025 and 2026 (every
 * statutory day is a holiday there) and against known lunar dates of later years.
 */
import { describe, expect, it } from 'vitest';
import { chineseDaysData } from '../../policy/holiday-data.ts';
import { statutoryHolidays } from '../../policy/statutory-holidays.ts';
import { formatDate } from '../../core/time/civil.ts';

const dates = (year: number): string[] => [...statutoryHolidays(year).keys()].sort((a, b) => a - b).map(formatDate);

describe('statutory holidays by law', () => {
  it('are 13 days, every one of them a holiday in the published 2025 and 2026 schedules', () => {
    const published = chineseDaysData().holidays;
    for (const year of [2025, 2026]) {
      const days = statutoryHolidays(year);
      expect(days.size).toBe(13);
      for (const [day, name] of days) expect(published.get(day), `${formatDate(day)} ${name}`).toBeDefined();
    }
  });

  it('places the lunar and solar-term holidays of 2027 and 2028', () => {
    expect(dates(2027)).toEqual([
      '2027-01-01',
      '2027-02-05', // 除夕
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05', // 清明
      '2027-05-01',
      '2027-05-02',
      '2027-06-09', // 端午
      '2027-09-15', // 中秋
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
    // 2028: lunar new year on 01-26 (eve 01-25), a leap fifth month (端午 in the regular one), 中秋 on 10-03 inside National Day.
    const y2028 = dates(2028);
    expect(y2028).toEqual(expect.arrayContaining(['2028-01-25', '2028-01-28', '2028-04-04', '2028-05-28', '2028-10-03']));
    expect(y2028).toHaveLength(12); // 中秋 and 国庆 share 10-03
  });
});
