/**
 * The satisfaction report as CSV (`GET /reports/satisfaction`, `Accept: text/csv`): the group,
 * count, mean score, the count per score 1–5, the share ≤ 2 and the cases behind it (space-separated).
 * With Chinese labels (`labels=zh`, for Excel users) the header is Chinese and a category group
 * gets its Chinese name; the HTTP layer adds the UTF-8 BOM Excel needs. Quoting as csv.ts.
 */
import { type CsvLabels, cell as csvCell, quote as csvQuote } from './csv.ts';
import { CATEGORY_LABELS, type SatisfactionReport } from './satisfaction.ts';

const ZH: Readonly<Record<string, string>> = {
  handler: '处理人',
  category: '投诉类别',
  categoryName: '类别名称',
  month: '月份',
  count: '回访数',
  meanScore: '平均分',
  score1: '1分',
  score2: '2分',
  score3: '3分',
  score4: '4分',
  score5: '5分',
  lowSharePct: '低分(≤2)占比(%)',
  lowCases: '低分工单',
};

export function satisfactionCsv(report: SatisfactionReport, labels: CsvLabels = 'en'): string {
  const named = labels === 'zh' && report.groupBy === 'category';
  const columns = [report.groupBy, ...(named ? ['categoryName'] : []), 'count', 'meanScore', 'score1', 'score2', 'score3', 'score4', 'score5', 'lowSharePct', 'lowCases'];
  const lines = [columns.map((c) => (labels === 'zh' ? (ZH[c] ?? c) : c)).join(',')];
  for (const row of report.rows) {
    const d = row.distribution;
    lines.push(
      [
        csvQuote(row.group),
        ...(named ? [csvQuote(CATEGORY_LABELS[row.group]?.zh ?? row.group)] : []),
        csvCell(row.count),
        csvCell(row.meanScore),
        ...[d['1'], d['2'], d['3'], d['4'], d['5']].map(csvCell),
        csvCell(row.lowSharePct),
        csvQuote(row.lowCases.join(' ')),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
