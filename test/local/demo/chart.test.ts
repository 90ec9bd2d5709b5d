import { describe, expect, it } from 'vitest';
import { onTimeChartSvg, type OnTimeBar } from '../../../local/demo/chart.ts';
import { pixelWidth } from '../../../local/demo/text-width.ts';

/** Every `<text>` with its anchor point, how it is anchored and its text (entities decoded). */
function texts(svg: string): { x: number; anchor: string; text: string; size: number }[] {
  return [...svg.matchAll(/<text x="([\d.]+)"[^>]*?(?:text-anchor="(\w+)")?[^>]*?(?:font-size="(\d+)")?[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    x: Number(m[1]),
    anchor: m[2] ?? 'start',
    size: Number(m[3] ?? 13),
    text: m[4]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"'),
  }));
}

describe('onTimeChartSvg', () => {
  const bars: OnTimeBar[] = [
    { label: 'order.review', onTimePct: 98.5, count: 200, breaches: 3 },
    { label: 'order.pack', onTimePct: 70, count: 180, breaches: 54 },
    { label: 'complaint.<resolve>', onTimePct: 20, count: 5, breaches: 4 },
  ];
  const svg = onTimeChartSvg('On-time % per step', bars);

  it('draws one labelled bar per row, its length proportional to the on-time %', () => {
    const rects = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)];
    expect(rects).toHaveLength(3);
    expect(Number(rects[0]![2])).toBeCloseTo(413.7, 1); // 98.5 % of 420 px
    expect(Number(rects[1]![2])).toBeCloseTo(294, 1);
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

  it('keeps every label inside its width, long Chinese labels and big numbers included', () => {
    const wide = onTimeChartSvg('各环节按时率 On time per step · 5000 orders', [
      { label: '缺货通知客服 stock-out notice (stock.notify-cs)', onTimePct: 100, count: 123456, breaches: 0 },
      { label: '投诉处理 complaint resolution (complaint.resolve)', onTimePct: 99.9, count: 99999, breaches: 12345 },
    ]);
    const width = Number(/<svg [^>]*width="(\d+)"/.exec(wide)![1]);
    for (const t of texts(wide)) {
      const w = pixelWidth(t.text, t.size);
      const [left, right] = t.anchor === 'end' ? [t.x - w, t.x] : t.anchor === 'middle' ? [t.x - w / 2, t.x + w / 2] : [t.x, t.x + w];
      expect(left, t.text).toBeGreaterThanOrEqual(0);
      expect(right, t.text).toBeLessThanOrEqual(width);
    }
  });
});
