/** One bar of the on-time chart: a step (or role) and its on-time share of completed work. */
export interface OnTimeBar {
  label: string;
  onTimePct: number;
  count: number;
  breaches: number;
}

const ROW = 26;
const LABEL_WIDTH = 190;
const BAR_WIDTH = 420;
const TOP = 56;

const escapeXml = (text: string): string => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);

/**
 * A horizontal bar chart of on-time % per step as a standalone SVG (no dependencies, opens in
 * any browser): green at or above the target, amber below it, red below half of it.
 */
export function onTimeChartSvg(title: string, bars: readonly OnTimeBar[], targetPct = 95): string {
  const height = TOP + bars.length * ROW + 40;
  const width = LABEL_WIDTH + BAR_WIDTH + 150;
  const x = (pct: number): number => LABEL_WIDTH + (Math.max(0, Math.min(100, pct)) / 100) * BAR_WIDTH;
  const colour = (pct: number): string => (pct >= targetPct ? '#2e7d32' : pct >= targetPct / 2 ? '#f9a825' : '#c62828');
  const rows = bars.map((bar, i) => {
    const y = TOP + i * ROW;
    return [
      `<text x="${LABEL_WIDTH - 8}" y="${y + 17}" text-anchor="end">${escapeXml(bar.label)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${(x(bar.onTimePct) - LABEL_WIDTH).toFixed(1)}" height="${ROW - 8}" fill="${colour(bar.onTimePct)}"/>`,
      `<text x="${(x(bar.onTimePct) + 6).toFixed(1)}" y="${y + 17}">${bar.onTimePct.toFixed(1)}% of ${bar.count}${bar.breaches ? ` · ${bar.breaches} breached` : ''}</text>`,
    ].join('');
  });
  const target = x(targetPct);
  const ticks = [0, 25, 50, 75, 100].map(
    (pct) => `<line x1="${x(pct)}" y1="${TOP - 4}" x2="${x(pct)}" y2="${TOP + bars.length * ROW}" stroke="#ddd"/><text x="${x(pct)}" y="${TOP + bars.length * ROW + 18}" text-anchor="middle" fill="#666">${pct}%</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="13">
<rect width="100%" height="100%" fill="#fff"/>
<text x="16" y="28" font-size="17" font-weight="bold">${escapeXml(title)}</text>
${ticks.join('\n')}
<line x1="${target}" y1="${TOP - 8}" x2="${target}" y2="${TOP + bars.length * ROW}" stroke="#555" stroke-dasharray="4 3"/>
<text x="${target}" y="${TOP - 12}" text-anchor="middle" fill="#555">target ${targetPct}%</text>
${rows.join('\n')}
</svg>
`;
}
