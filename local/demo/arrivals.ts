import type { Random } from './random.ts';

/**
 * An online shop's orders by hour of the day (Asia/Shanghai): quiet after midnight, a morning
 * climb, a lunch peak, an afternoon plateau and the evening peak after work, 20:00–22:00.
 */
export const HOURLY_ORDER_WEIGHTS: readonly number[] = [
  1.2, 0.6, 0.3, 0.2, 0.2, 0.3, 0.6, 1.5, 2.8, 4.0, 5.0, 5.2, 5.6, 4.8, 4.4, 4.6, 4.5, 4.0, 4.2, 5.0, 6.6, 7.2, 5.8, 3.2,
];

/** `count` arrival instants within the 24 h from `dayStart` (epoch ms), sorted, following the curve. */
export function arrivalTimes(count: number, dayStart: number, random: Random, weights: readonly number[] = HOURLY_ORDER_WEIGHTS): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    let roll = random.next() * total;
    let hour = 0;
    while (hour < weights.length - 1 && roll >= weights[hour]!) roll -= weights[hour++]!;
    times.push(dayStart + hour * 3_600_000 + Math.floor(random.next() * 3_600_000 / 1000) * 1000);
  }
  return times.sort((a, b) => a - b);
}
