/**
 * `sla check`'s warning for holiday data that looks partial: a year the policy adds (not in the
 * built-in chinese-days data) whose entries leave out whole festivals. Those festivals still count
 * their statutory days (policy/compile.ts), but the State Council's schedule adds bridge days and
 * 调休 swaps the policy lacks, so deadlines around them may be off by days (issue 28 item 13).
 */
import { formatDate } from '../core/time/civil.ts';
import { policyOnlyYears } from './compile.ts';
import { chineseDaysData } from './holiday-data.ts';
import type { PolicyDocument } from './schema.ts';
import { statutoryHolidays } from './statutory-holidays.ts';

/** One line per year whose policy entries miss a festival; empty when every added year looks whole. */
export function holidayWarnings(doc: PolicyDocument): string[] {
  const builtIn = doc.workingDays.holidayData === 'chinese-days' ? chineseDaysData().years : undefined;
  const listed = new Set(doc.workingDays.holidays.map((h) => h.date));
  const warnings: string[] = [];
  for (const year of policyOnlyYears(doc, builtIn)) {
    const festivals = new Map<string, number[]>();
    for (const [day, name] of statutoryHolidays(year)) festivals.set(name, [...(festivals.get(name) ?? []), day]);
    const missing = [...festivals].filter(([, days]) => !days.some((d) => listed.has(d)));
    if (missing.length === 0) continue;
    const names = missing.map(([name, days]) => `${name} (${days.map(formatDate).join(', ')})`);
    warnings.push(
      `workingDays: ${year} looks partial — the policy lists no holiday for ${names.join('; ')}; ` +
        'only their statutory days are counted (no bridge days or 调休). Add the State Council\'s whole schedule for the year.',
    );
  }
  return warnings;
}
