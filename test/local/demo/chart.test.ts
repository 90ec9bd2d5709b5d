import { describe, expect, it } from 'vitest';
import { onTimeChartSvg } from '../../../local/demo/chart.ts';

describe('onTimeChartSvg', () => {
  const svg = onTimeChartSvg('On-time % per step', [
    { label: 'order.review', onTimePct: 98.5, count: 200, breaches: 3 },
    { label: 'order.pack', onTimePct: 70, count: 180, breaches: 54 },
    { label: 'complaint.<resolve>', onTimePct: 20, count: 5, breaches: 4 },
  ]);

  it('draws one labelled bar per row, its length proportional to the on-time %', () => {
    expect(svg.match(/<rect x="190"/g)).toHaveLength(3);
    expect(svg).toContain('width="413.7"'); // 98.5 % of 420 px
    expect(svg).toContain('98.5% of 200 · 3 breached');
  });

  it('colours bars by how far they fall below the target', () => {
    expect(svg).toContain('fill="#2e7d32"');
    expect(svg).toContain('fill="#f9a825"');
    expect(svg).toContain('fill="#c62828"');
  });

  it('escapes labels so the document stays well-formed', () => {
    expect(svg).toContain('complaint.&lt;resolve&gt;');
    expect(svg).not.toContain('complaint.<resolve>');
  });
});
