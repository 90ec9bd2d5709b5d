import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../../../local/sfn/asl/timestamp.ts';

describe('parseTimestamp (ASL spec, "Timestamps": RFC 3339 with an offset)', () => {
  it.each([
    ['2016-08-18T17:33:00Z', Date.UTC(2016, 7, 18, 17, 33)],
    ['2016-08-18T17:33:00.5Z', Date.UTC(2016, 7, 18, 17, 33, 0, 500)],
    ['2016-08-19T01:33:00+08:00', Date.UTC(2016, 7, 18, 17, 33)],
    ['2016-08-18T12:03:00-05:30', Date.UTC(2016, 7, 18, 17, 33)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('reads %s as the instant it names', (text, ms) => {
    expect(parseTimestamp(text)).toBe(ms);
  });

  it.each(['2016-08-18T17:33:00', '2016-08-18 17:33:00Z', '2016-08-18t17:33:00z', '2016-13-05T21:29:29Z', '2016-12-05T25:29:29Z', '2023-02-29T00:00:00Z', '05-12-2016T21:29:29Z', '2016-08-18T17:33:00+8:00'])(
    'refuses %s',
    (text) => {
      expect(parseTimestamp(text)).toBeUndefined();
    },
  );
});
