/**
 * What people call the steps and alarm kinds, in Chinese and English. Step names are the console's
 * (core/lifecycles/step-labels.ts), so a group robot and the console name a step alike; an unknown
 * step is shown by its id alone.
 */
import { labelledSteps, stepLabel as lifecycleStepLabel } from '../lifecycles/step-labels.ts';
import { DetailType } from '../ports/events.ts';

export const AlarmLanguage = { zh: 'zh-CN', en: 'en' } as const;
export type AlarmLanguage = (typeof AlarmLanguage)[keyof typeof AlarmLanguage];

type Bilingual = Readonly<Record<AlarmLanguage, string>>;

/** What happened, as the message headline says it. */
const WHAT: Readonly<Record<string, Bilingual>> = {
  [DetailType.SlaBreached]: { 'zh-CN': '超时', en: 'breached' },
  [DetailType.SlaWarning]: { 'zh-CN': '即将超时', en: 'due soon' },
  [DetailType.PickupAtRisk]: { 'zh-CN': '可能赶不上揽收', en: 'pickup at risk' },
  [DetailType.PickupMissed]: { 'zh-CN': '漏揽收', en: 'pickup missed' },
  [DetailType.RefundOverdue]: { 'zh-CN': '退款逾期', en: 'refund overdue' },
  [DetailType.ChatGreetingBreached]: { 'zh-CN': '问候超时', en: 'greeting late' },
  [DetailType.ChatReplyBreached]: { 'zh-CN': '回复超时', en: 'reply late' },
};

/** The chat standards of service-standards.md §10, named like steps in alarms. */
const CHAT_STANDARDS: Readonly<Record<string, Bilingual>> = {
  'chat.greeting': { 'zh-CN': '首次问候(30秒)', en: 'First greeting (30 s)' },
  'chat.reply': { 'zh-CN': '回复顾客(60秒)', en: 'Reply to customer (60 s)' },
};

/** `订单审核` / `Order review`; undefined for a step the standards do not name. */
export function stepLabel(step: string, language: AlarmLanguage): string | undefined {
  const chat = CHAT_STANDARDS[step];
  if (chat !== undefined) return chat[language];
  if (!labelledSteps().includes(step)) return undefined;
  const label = lifecycleStepLabel(step);
  return language === AlarmLanguage.zh ? label.zh : label.en;
}

/** `超时`, `即将超时`, `漏揽收`, `退款逾期` (or English); a later alarm event by its detail-type. */
export function whatHappened(detailType: string, language: AlarmLanguage): string {
  return WHAT[detailType]?.[language] ?? detailType;
}

/**
 * A role's name for people from the policy's label: `运营客服 operations customer service (…)` →
 * `运营客服` in Chinese, the English words in English; the id when the label has neither.
 */
export function roleName(label: string | undefined, language: AlarmLanguage): string | undefined {
  if (label === undefined) return undefined;
  const chinese = /^[\p{Script=Han}A-Za-z]*[\p{Script=Han}]+/u.exec(label)?.[0];
  if (language === AlarmLanguage.zh) return chinese;
  const english = label.slice(chinese?.length ?? 0).replace(/\(.*\)/, '').trim();
  return english === '' ? undefined : english;
}
