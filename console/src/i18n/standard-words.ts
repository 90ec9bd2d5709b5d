/**
 * The console's words for the rest of the standard (issue 22: carriers, satisfaction, call
 * checklists), kept apart from messages.ts so that each feature's words travel with it.
 */
import type { Lang } from './lang.ts';

export const STANDARD_WORDS = {
  'carrier.label': { zh: '快递公司', en: 'Carrier' },
  'carrier.default': { zh: '默认', en: 'default' },
  'carrier.insured': { zh: '保价', en: 'Insured' },
  'carrier.notInsured': { zh: '未保价', en: 'Not insured' },
  'carrier.trackingNo': { zh: '物流编号', en: 'Tracking number' },
  'details.title': { zh: '完成记录', en: 'Completion record' },
  'checklist.title': { zh: '核对要点', en: 'Call checklist' },
  'checklist.confirmed': { zh: '核对无误', en: 'Confirmed' },
  'checklist.correctedTo': { zh: '更正为…', en: 'Corrected to…' },
  'checklist.photos': { zh: '照片编号', en: 'Photo references' },
  'checklist.notManMade': { zh: '确认非人为损坏 (notManMade)', en: 'Not man-made (notManMade)' },
  'checklist.corrected': { zh: '已更正', en: 'Corrected' },
  'timeline.search': { zh: '搜索时间线', en: 'Search the timeline' },
  'timeline.none': { zh: '没有匹配的记录', en: 'No matching entries' },
  'nav.satisfaction': { zh: '满意度', en: 'Satisfaction' },
  'satisfaction.title': { zh: '投诉回访满意度', en: 'Complaint callback satisfaction' },
  'satisfaction.groupBy.handler': { zh: '处理人', en: 'Handler' },
  'satisfaction.groupBy.category': { zh: '投诉类别', en: 'Category' },
  'satisfaction.groupBy.month': { zh: '月份', en: 'Month' },
  'satisfaction.count': { zh: '回访数', en: 'Callbacks' },
  'satisfaction.mean': { zh: '平均分', en: 'Mean score' },
  'satisfaction.distribution': { zh: '评分分布', en: 'Scores' },
  'satisfaction.lowShare': { zh: '低分(≤2)占比', en: 'Scored ≤ 2' },
  'satisfaction.lowCases': { zh: '低分工单', en: 'Cases scored ≤ 2' },
  'satisfaction.chart': { zh: '评分分布(1–5 分)', en: 'Scores 1–5' },
  'satisfaction.score': { zh: '{score} 分', en: 'Score {score}' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type StandardWord = keyof typeof STANDARD_WORDS;

/** The word in `lang`, `{name}` filled in from `vars`. */
export function word(key: StandardWord, lang: Lang, vars: Record<string, string | number> = {}): string {
  return STANDARD_WORDS[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
