import { describe, expect, it } from 'vitest';
import { arrivalTimes, HOURLY_ORDER_WEIGHTS } from '../../../local/demo/arrivals.ts';
import { Random } from '../../../local/demo/random.ts';

const DAY = Date.parse('2026-11-30T00:00:00+08:00');

describe('the store day arrivals', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(arrivalTimes(50, DAY, new Random(3))).toEqual(arrivalTimes(50, DAY, new Random(3)));
    expect(arrivalTimes(50, DAY, new Random(3))).not.toEqual(arrivalTimes(50, DAY, new Random(4)));
  });

  it('fall within the day, in order, on whole seconds', () => {
    const times = arrivalTimes(300, DAY, new Random(1));
    expect(times).toHaveLength(300);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const t of times) {
      expect(t).toBeGreaterThanOrEqual(DAY);
      expect(t).toBeLessThan(DAY + 86_400_000);
      expect(t % 1000).toBe(0);
    }
  });

  it('follow the curve: the evening peak gets many times the small hours', () => {
    const times = arrivalTimes(20_000, DAY, new Random(1));
    const perHour = Array.from({ length: 24 }, (_, h) => times.filter((t) => Math.floor((t - DAY) / 3_600_000) === h).length);
    const share = (h: number): number => perHour[h]! / times.length;
    const total = HOURLY_ORDER_WEIGHTS.reduce((a, b) => a + b, 0);
    for (const h of [3, 12, 21]) expect(share(h)).toBeCloseTo(HOURLY_ORDER_WEIGHTS[h]! / total, 2);
    expect(perHour[21]!).toBeGreaterThan(10 * perHour[3]!);
  });
});

describe('Random', () => {
  it('picks weighted choices in proportion to their weights', () => {
    const random = new Random(9);
    const picks = Array.from({ length: 10_000 }, () => random.weighted([['a', 3], ['b', 1]] as const));
    expect(picks.filter((p) => p === 'a').length / picks.length).toBeCloseTo(0.75, 1);
  });
});
