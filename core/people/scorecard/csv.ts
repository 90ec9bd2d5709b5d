/**
 * The scorecard as CSV (`GET /reports/people`, `format=csv` or `Accept: text/csv`): one line per
 * person and period, the figures, the score and each component's figure and earned points. With
 * `labels=zh` the header is Chinese for Excel users; the HTTP layer adds the UTF-8 BOM. Quoting
 * and formula-injection guard as core/reports/csv.ts.
 */
import { cell, quote, type CsvLabels } from '../../reports/csv.ts';
import { ScoreComponent } from './assessment.ts';
import type { ScorecardRow } from './scorecard.ts';

const FIGURES = [
  'stepsCompleted',
  'onTimePct',
  'p50OnDutyMinutes',
  'p90OnDutyMinutes',
  'breaches',
  'breachesOpen',
  'escalations',
  'conversations',
  'greetingWithinPct',
  'replyWithinPct',
  'callbacks',
  'satisfactionMean',
  'qaChecked',
  'qaMean',
  'score',
] as const;

const COMPONENT_ZH: Readonly<Record<ScoreComponent, string>> = {
  stepOnTime: '步骤按时',
  chatReply: '聊天回复及时',
  satisfaction: '回访满意度',
  noBreachOpen: '超时已关闭',
  qa: '质检',
};

const ZH: Readonly<Record<string, string>> = {
  person: '人员',
  period: '周期',
  stepsCompleted: '完成步骤数(负责)',
  onTimePct: '按时率(%)',
  p50OnDutyMinutes: '在岗用时中位数(分钟)',
  p90OnDutyMinutes: '在岗用时90分位(分钟)',
  breaches: '超时数(负责)',
  breachesOpen: '超时未关闭数',
  escalations: '上报数',
  conversations: '会话数',
  greetingWithinPct: '问候及时率(%)',
  replyWithinPct: '回复及时率(%)',
  callbacks: '回访数',
  satisfactionMean: '回访平均分',
  qaChecked: '质检数',
  qaMean: '质检平均分',
  score: '考核分',
};

export function scorecardCsv(rows: readonly ScorecardRow[], labels: CsvLabels = 'en'): string {
  const components = Object.values(ScoreComponent);
  const header = [
    ...['person', 'period', ...FIGURES].map((c) => (labels === 'zh' ? (ZH[c] ?? c) : c)),
    ...components.flatMap((c) => (labels === 'zh' ? [`${COMPONENT_ZH[c]}实际值`, `${COMPONENT_ZH[c]}得分`] : [`${c}Actual`, `${c}Earned`])),
  ];
  const lines = [header.join(',')];
  for (const row of rows) {
    const byComponent = new Map(row.components.map((c) => [c.component, c]));
    lines.push(
      [
        quote(row.person),
        quote(row.period),
        ...FIGURES.map((f) => cell(row[f])),
        ...components.flatMap((c) => [cell(byComponent.get(c)?.actual ?? null), cell(byComponent.get(c)?.earned ?? null)]),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
