import { describe, expect, it } from 'vitest';
import type { ChatReport } from '../../../../console/src/api/types.ts';
import { agentText, breachGrid, breachHours, daysOf, hourText, pctText, secondsText } from '../../../../console/src/reports/chat-figures.ts';

const row = (key: string, breaches: number): ChatReport['items'][number] => ({
  key,
  conversations: 1,
  customerMessages: 1,
  greetingWithinPct: 100,
  replyWithinPct: null,
  firstReplyP50Seconds: null,
  firstReplyP90Seconds: null,
  replyP50Seconds: null,
  replyP90Seconds: null,
  longestWaitSeconds: null,
  breaches,
});

describe('the chat report\'s figures as people read them', () => {
  it('writes on-duty seconds in 秒/分/小时 (s/min/h), keeping tenths under a minute and whole seconds above', () => {
    expect(secondsText(45, 'zh')).toBe('45 秒');
    expect(secondsText(20.5, 'zh')).toBe('20.5 秒');
    expect(secondsText(59.96, 'en')).toBe('1 min');
    expect(secondsText(60, 'zh')).toBe('1 分');
    expect(secondsText(90, 'zh')).toBe('1 分 30 秒');
    expect(secondsText(90.4, 'en')).toBe('1 min 30 s');
    expect(secondsText(3_600, 'zh')).toBe('1 小时');
    expect(secondsText(3_930, 'en')).toBe('1 h 5 min');
    expect(secondsText(0, 'en')).toBe('0 s');
  });

  it('shows a dash where the API has no figure yet (nothing decided)', () => {
    expect(secondsText(null, 'zh')).toBe('—');
    expect(pctText(null)).toBe('—');
    expect(pctText(87.5)).toBe('87.5%');
  });

  it('names the unassigned agent in both languages and leaves agent ids as they are', () => {
    expect(agentText('unassigned', 'zh')).toBe('未分配 (unassigned)');
    expect(agentText('unassigned', 'en')).toBe('Unassigned');
    expect(agentText('li', 'zh')).toBe('li');
  });

  it('reads an hour key as its day, weekday and hour span, without converting the zone the API already applied', () => {
    expect(hourText('2026-11-30 10:00', 'zh')).toBe('11-30 周一 10:00–11:00');
    expect(hourText('2026-11-29 23:00', 'en')).toBe('11-29 Sun 23:00–00:00');
  });

  it('lists every day of an inclusive range, across a month end', () => {
    expect(daysOf('2026-11-29', '2026-12-02')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(daysOf('2026-11-30', '2026-11-30')).toEqual(['2026-11-30']);
  });

  it('lays the hourly rows out as [hour, day, breaches] cells of the range, the top of the scale the most breaches', () => {
    const grid = breachGrid([row('2026-11-24 08:00', 0), row('2026-11-30 10:00', 3), row('2026-11-30 23:00', 1)], '2026-11-24', '2026-11-30');
    expect(grid.days).toHaveLength(7);
    expect(grid.cells).toEqual([
      [8, 0, 0],
      [10, 6, 3],
      [23, 6, 1],
    ]);
    expect(grid.max).toBe(3);
    expect(breachGrid([], '2026-11-24', '2026-11-30')).toMatchObject({ cells: [], max: 0 });
  });

  it('leaves out a row outside the range rather than drawing it on a wrong day', () => {
    expect(breachGrid([row('2026-11-23 10:00', 2)], '2026-11-24', '2026-11-30').cells).toEqual([]);
  });

  it('lists only the hours with breaches, in time order', () => {
    expect(breachHours([row('2026-11-30 11:00', 1), row('2026-11-30 09:00', 0), row('2026-11-29 20:00', 2)])).toEqual([
      { key: '2026-11-29 20:00', breaches: 2 },
      { key: '2026-11-30 11:00', breaches: 1 },
    ]);
  });
});
