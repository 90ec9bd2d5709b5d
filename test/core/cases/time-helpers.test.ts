import { describe, expect, it } from 'vitest';
import { toInstant } from '../../../core/cases/instant.ts';
import { shanghaiDay } from '../../../core/cases/report-day.ts';

describe('toInstant', () => {
  it.each([
    ['2025-03-03T10:00:00+08:00', '2025-03-03T02:00:00.000Z'],
    ['2025-03-03T02:00:00Z', '2025-03-03T02:00:00.000Z'],
    [Date.UTC(2025, 2, 3, 2), '2025-03-03T02:00:00.000Z'],
    [new Date(Date.UTC(2025, 2, 3, 2, 0, 0, 5)), '2025-03-03T02:00:00.005Z'],
  ])('normalises %s to UTC with milliseconds', (input, expected) => {
    expect(toInstant(input)).toBe(expected);
  });

  it('rejects what is not a time', () => {
    expect(() => toInstant('soon')).toThrow(RangeError);
    expect(() => toInstant(Number.NaN)).toThrow(RangeError);
  });
});

describe('shanghaiDay', () => {
  it.each([
    ['2025-03-03T15:59:59.999Z', '2025-03-03'],
    ['2025-03-03T16:00:00.000Z', '2025-03-04'],
    ['2025-03-04T00:30:00+08:00', '2025-03-04'],
    ['2024-12-31T16:00:00.000Z', '2025-01-01'],
  ])('puts %s on %s (UTC+8)', (at, day) => {
    expect(shanghaiDay(at)).toBe(day);
  });

  it('rejects what is not a time', () => {
    expect(() => shanghaiDay('yesterday')).toThrow(RangeError);
  });
});
