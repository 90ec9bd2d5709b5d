import { describe, expect, it } from 'vitest';
import { latestPlatformDeadlines } from '../../../../console/src/components/platform-deadline-list.ts';

const said = (at: string, detail: Record<string, unknown>) => ({ at, kind: 'platform.deadline', detail });

describe('the platform deadlines on a case page', () => {
  it('keep the latest word of each platform per kind (Douyin tag 126 moved the ship-by time twice)', () => {
    const timeline = [
      said('2026-11-30T10:00:00+08:00', { platform: 'douyin', deadline: 'ship-by', due: '2026-12-01T18:00:00+08:00', source: 'douyin tag 126' }),
      { at: '2026-11-30T10:05:00+08:00', kind: 'step.assigned', detail: { to: 'li' } },
      said('2026-11-30T12:00:00+08:00', { platform: 'douyin', deadline: 'after-sale-by', due: '2026-12-03T18:00:00+08:00' }),
      said('2026-11-30T11:00:00+08:00', { platform: 'douyin', deadline: 'ship-by', due: '2026-12-02T12:00:00+08:00', source: 'douyin tag 126' }),
    ];
    expect(latestPlatformDeadlines(timeline)).toEqual([
      { platform: 'douyin', deadline: 'ship-by', due: '2026-12-02T12:00:00+08:00', source: 'douyin tag 126', at: '2026-11-30T11:00:00+08:00' },
      { platform: 'douyin', deadline: 'after-sale-by', due: '2026-12-03T18:00:00+08:00', at: '2026-11-30T12:00:00+08:00' },
    ]);
  });

  it('ignore an entry that says no due time', () => {
    expect(latestPlatformDeadlines([said('2026-11-30T10:00:00+08:00', { platform: 'douyin', deadline: 'ship-by' })])).toEqual([]);
  });
});
