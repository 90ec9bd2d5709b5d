import { describe, expect, it } from 'vitest';
import { mapBounded } from '../../../local/demo/bounded.ts';

describe('mapBounded', () => {
  it('returns the results in the items\' order however the calls finish', async () => {
    // Later items finish first: each waits fewer microtask turns than the one before.
    const turns = async (n: number): Promise<void> => {
      for (let i = 0; i < n; i++) await Promise.resolve();
    };
    const results = await mapBounded([5, 4, 3, 2, 1], 3, async (n) => {
      await turns(n * 3);
      return n * 10;
    });
    expect(results).toEqual([50, 40, 30, 20, 10]);
  });

  it('never has more than the limit in flight, and uses the whole limit', async () => {
    let inFlight = 0;
    let most = 0;
    await mapBounded(Array.from({ length: 20 }, (_, i) => i), 4, async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await Promise.resolve();
      await Promise.resolve();
      inFlight--;
    });
    expect(most).toBe(4);
  });

  it('calls nothing for no items and passes a call\'s failure on', async () => {
    expect(await mapBounded([], 8, () => Promise.reject(new Error('never called')))).toEqual([]);
    await expect(mapBounded([1, 2], 2, async (n) => (n === 2 ? Promise.reject(new Error('read 2 failed')) : n))).rejects.toThrow('read 2 failed');
  });
});
