import { describe, expect, it } from 'vitest';
import { givenUp, nextBackoffMs } from '../../../core/notices/delivery.ts';

const MINUTE = 60_000;

describe('notice retries (§12: "retried with back-off for 24 h, then dead-lettered")', () => {
  it('waits 1 minute after the first failure, doubling up to 1 hour', () => {
    const waits: number[] = [];
    let wait: number | undefined;
    for (let i = 0; i < 9; i++) waits.push((wait = nextBackoffMs(wait)) / MINUTE);
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('gives up on a notice 24 hours after it was raised, not a minute before', () => {
    const raised = '2026-11-30T01:00:00.000Z';
    expect(givenUp(raised, Date.parse('2026-12-01T00:59:00.000Z'))).toBe(false);
    expect(givenUp(raised, Date.parse('2026-12-01T01:00:00.000Z'))).toBe(true);
  });
});
