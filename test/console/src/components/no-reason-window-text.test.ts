import { describe, expect, it } from 'vitest';
import { noReasonWindowText, windowEndText } from '../../../../console/src/components/no-reason-window-text.ts';
import type { Lang } from '../../../../console/src/i18n/lang.ts';
import { MESSAGES, type MessageKey } from '../../../../console/src/i18n/messages.ts';

/** The console's messages with `{name}` filled in, as `useI18n().t` does. */
const i18n = (lang: Lang) => ({ lang, t: (key: MessageKey, vars: Record<string, string | number> = {}) => MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name])) });

// service-standards.md §5: the window ends "at 24:00 of the 7th day" in Beijing time; the API sends 00:00 of the next day.
describe('the no-reason window in words, in Beijing time whatever the browser’s zone', () => {
  it('names the end as 24:00 of the last day', () => {
    expect(windowEndText('2026-12-08T00:00:00+08:00', 'zh')).toBe('周一 12-07 24:00');
    expect(windowEndText('2026-12-07T16:00:00Z', 'en')).toBe('Mon 12-07 24:00');
  });

  it.each([
    ['zh', true, '七天无理由: 可退至 周一 12-07 24:00'],
    ['zh', false, '七天无理由: 已于 周一 12-07 24:00 截止'],
    ['en', true, 'No-reason window (7 days): open until Mon 12-07 24:00'],
    ['en', false, 'No-reason window (7 days): closed since Mon 12-07 24:00'],
  ] as const)('in %s, open=%s: %s', (lang, open, text) => {
    const window = { endsAt: '2026-12-08T00:00:00+08:00', open, deliveredAt: '2026-11-30T09:06:00+08:00', days: 7 };
    expect(noReasonWindowText(window, i18n(lang))).toBe(text);
  });
});
