/**
 * The PRC statutory public holidays of a year, as fixed by law (全国年节及纪念日放假办法, as amended
 * by State Council decree No. 793, in force from 2025-01-01, art. 2): 元旦 1 Jan; 春节 lunar new
 * year's eve and the 1st–3rd of the first lunar month; 清明节 the Qingming solar term day; 劳动节
 * 1–2 May; 端午节 the 5th of the 5th lunar month; 中秋节 the 15th of the 8th lunar month; 国庆节
 * 1–3 Oct. Only these days are certain before the State Council publishes a year's schedule
 * (each November); the 调休 swaps and bridge days are not, so a deadline counted with these is provisional.
 * Lunar dates and the solar term come from lunar-typescript (Beijing time, independent of the process's zone).
 */
import { Lunar } from 'lunar-typescript';
import { dayFromCivil } from '../core/time/civil.ts';

export function statutoryHolidays(year: number): Map<number, string> {
  const days = new Map<number, string>();
  const solar = (month: number, day: number, name: string): void => {
    days.set(dayFromCivil(year, month, day), name);
  };
  const lunar = (date: Lunar, name: string): void => {
    const s = date.getSolar();
    days.set(dayFromCivil(s.getYear(), s.getMonth(), s.getDay()), name);
  };

  solar(1, 1, "New Year's Day 元旦");
  const newYear = Lunar.fromYmd(year, 1, 1);
  for (const offset of [-1, 0, 1, 2]) lunar(newYear.next(offset), 'Spring Festival 春节');
  const qingming = newYear.getJieQiTable()['清明'];
  if (qingming) solar(qingming.getMonth(), qingming.getDay(), 'Tomb-sweeping Day 清明');
  solar(5, 1, 'Labour Day 劳动节');
  solar(5, 2, 'Labour Day 劳动节');
  lunar(Lunar.fromYmd(year, 5, 5), 'Dragon Boat Festival 端午');
  lunar(Lunar.fromYmd(year, 8, 15), 'Mid-autumn Festival 中秋');
  for (const day of [1, 2, 3]) solar(10, day, 'National Day 国庆节');
  return days;
}
