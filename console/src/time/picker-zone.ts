/**
 * Date pickers in the policy's zone and language (issue 20 item 11). Ant Design's pickers compute
 * "today" and "now"/"此刻" with day.js; with the timezone plugin and a default zone, its day.js
 * adapter takes now in that zone (https://github.com/ant-design/ant-design/discussions/50934), so a
 * supervisor on a laptop in UTC or Sydney sees and picks Beijing wall-clock times, which the forms
 * read as Beijing time (zoneWallTimeToIso). day.js's zh-cn locale gives Chinese month names and
 * weeks starting on Monday ("2026年12月", 一 二 … 日).
 */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { Lang } from '../i18n/lang.ts';
import { POLICY_ZONE } from './format.ts';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.tz.setDefault(POLICY_ZONE);

/** day.js's global locale for the console's language: the pickers' weekdays, months and first day of the week. */
export function setPickerLanguage(lang: Lang): void {
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
}
