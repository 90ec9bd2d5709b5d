import { pixelWidth } from './text-width.ts';

/** One bar of the on-time chart: a step (or role) and its on-time share of judged work. */
export interface OnTimeBar {
  label: string;
  onTimePct: number;
  count: number;
  breaches: number;
}

const ROW = 26;
const BAR_WIDTH = 420;
const TOP = 56;
const FONT = 13;
const TITLE_FONT = 17;
const GAP = 8;
const MARGIN = 16;

const escapeXml = (text: string): string => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);

const annotation = (bar: OnTimeBar): string => `${bar.onTimePct.toFixed(1)}% of ${bar.count}${bar.breaches ? ` · ${bar.breaches} breached` : ''}`;

/**
 * A horizontal bar chart of on-time % per step as a standalone SVG (no dependencies, opens in
 * any browser): green at or above the target, amber below it, red below half of it. The label
 * column and the right margin are as wide as their longest text, so nothing is cut off.
 */
export function onTimeChartSvg(title: string, bars: readonly OnTimeBar[], targetPct = 95): string {
  const labelWidth = MARGIN + Math.max(0, ...bars.map((b) => pixelWidth(b.label, FONT))) + GAP;
  const annotationWidth = GAP + Math.max(pixelWidth('target 100%', FONT), ...bars.map((b) => pixelWidth(annotation(b), FONT))) + MARGIN;
  const width = Math.max(labelWidth + BAR_WIDTH + annotationWidth, MARGIN * 2 + pixelWidth(title, TITLE_FONT));
  const height = TOP + bars.length * ROW + 40;
  const x = (pct: number): number => labelWidth + (Math.max(0, Math.min(100, pct)) / 100) * BAR_WIDTH;
  const colour = (pct: number): string => (pct >= targetPct ? '#2e7d32' : pct >= targetPct / 2 ? '#f9a825' : '#c62828');
  const rows = bars.map((bar, i) => {
    const y = TOP + i * ROW;
    return [
      `<text x="${labelWidth - GAP}" y="${y + 17}" text-anchor="end">${escapeXml(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${(x(bar.onTimePct) - labelWidth).toFixed(1)}" height="${ROW - 8}" fill="${colour(bar.onTimePct)}"/>`,
      `<text x="${(x(bar.onTimePct) + 6).toFixed(1)}" y="${y + 17}">${escapeXml(annotation(bar))}</text>`,
    ].join('');
  });
  const target = x(targetPct);
  const ticks = [0, 25, 50, 75, 100].map(
    (pct) => `<line x1="${x(pct)}" y1="${TOP - 4}" x2="${x(pct)}" y2="${TOP + bars.length * ROW}" stroke="#ddd"/><text x="${x(pct)}" y="${TOP + bars.length * ROW + 18}" text-anchor="middle" fill="#666">${pct}%</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="${FONT}">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${MARGIN}" y="28" font-size="${TITLE_FONT}" font-weight="bold">${escapeXml(title)}</text>
${ticks.join('\n')}
<line x1="${target}" y1="${TOP - 8}" x2="${target}" y2="${TOP + bars.length * ROW}" stroke="#555" stroke-dasharray="4 3"/>
<text x="${target}" y="${TOP - 12}" text-anchor="middle" fill="#555">target ${targetPct}%</text>
${rows.join('\n')}
</svg>
`;
}
