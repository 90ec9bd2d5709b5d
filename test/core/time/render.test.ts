import { describe, expect, it } from 'vitest';
import { renderInstant, renderInstants } from '../../../core/time/render.ts';
import { Zone } from '../../../core/time/zone.ts';

const shanghai = new Zone('Asia/Shanghai');

describe('instants as the API writes them', () => {
  it('renders a stored UTC instant in the zone\'s offset, keeping milliseconds only when there are any', () => {
    expect(renderInstant(shanghai, '2026-11-30T01:00:00.000Z')).toBe('2026-11-30T09:00:00+08:00');
    expect(renderInstant(shanghai, '2026-11-30T16:30:00.250Z')).toBe('2026-12-01T00:30:00.250+08:00');
    expect(renderInstant(shanghai, Date.parse('2026-11-30T09:00:00+08:00'))).toBe('2026-11-30T09:00:00+08:00');
    expect(renderInstant(new Zone('America/New_York'), '2026-07-01T12:00:00Z')).toBe('2026-07-01T08:00:00-04:00');
    expect(() => renderInstant(shanghai, 'yesterday')).toThrow(RangeError);
  });

  it('renders every stored instant inside free-form data and leaves other text alone', () => {
    const detail = { due: '2026-11-30T01:30:00.000Z', facts: { channel: 'alipay' }, list: ['2026-11-30T01:00:00Z', 'SO-2026-11-30'], n: 3 };
    expect(renderInstants(shanghai, detail)).toEqual({ due: '2026-11-30T09:30:00+08:00', facts: { channel: 'alipay' }, list: ['2026-11-30T09:00:00+08:00', 'SO-2026-11-30'], n: 3 });
  });
});
