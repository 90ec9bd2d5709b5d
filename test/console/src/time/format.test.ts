import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime, formatWeekdayDateTime, zoneDay, zoneWallTimeToIso } from '../../../../console/src/time/format.ts';

describe('times as people in Asia/Shanghai read them', () => {
  it('shows an instant in Beijing time whatever offset it came with', () => {
    expect(formatDateTime('2026-11-30T01:00:00Z')).toBe('11-30 09:00');
    expect(formatWeekdayDateTime('2026-11-30T09:00:00+08:00', 'zh')).toBe('周一 11-30 09:00');
    expect(formatWeekdayDateTime('2026-11-29T20:30:00-05:00', 'en')).toBe('Mon 11-30 09:30');
    expect(formatTime('2026-12-01T00:00:00Z')).toBe('08:00');
    expect(zoneDay('2026-11-30T16:30:00Z')).toBe('2026-12-01');
    expect(formatDateTime(null)).toBe('—');
  });

  it('turns a Beijing wall-clock time picked in a form into an instant with +08:00', () => {
    expect(zoneWallTimeToIso('2026-11-30', '10:15')).toBe('2026-11-30T10:15:00+08:00');
    expect(Date.parse(zoneWallTimeToIso('2026-12-31', '23:59'))).toBe(Date.parse('2026-12-31T15:59:00Z'));
  });
});
