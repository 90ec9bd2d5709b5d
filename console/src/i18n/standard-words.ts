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
} as const satisfies Record<string, { zh: string; en: string }>;

export type StandardWord = keyof typeof STANDARD_WORDS;

export function word(key: StandardWord, lang: Lang): string {
  return STANDARD_WORDS[key][lang];
}
