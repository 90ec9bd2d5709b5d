import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../core/time/iso.ts';

describe('parseInstant', () => {
  it.each([
    ['2026-11-26T21:30:00+08:00', '2026-11-26T13:30:00.000Z'],
    ['2026-11-26T21:30+08:00', '2026-11-26T13:30:00.000Z'],
    ['2026-11-26T13:30:00.250Z', '2026-11-26T13:30:00.250Z'],
    ['2026-11-26T08:30:00-05:00', '2026-11-26T13:30:00.000Z'],
  ])('reads %s as %s', (text, utc) => {
    expect(new Date(parseInstant(text) as number).toISOString()).toBe(utc);
  });

  it.each([
    ['a time without an offset', '2026-11-26T21:30:00'],
    ['a date only', '2026-11-26'],
    ['an impossible date', '2026-02-30T10:00:00+08:00'],
    ['an impossible hour', '2026-11-26T24:30:00+08:00'],
    ['an impossible offset', '2026-11-26T10:00:00+25:00'],
    ['free text', 'tomorrow morning'],
  ])('rejects %s', (_what, text) => {
    expect(parseInstant(text)).toBeUndefined();
  });
});
