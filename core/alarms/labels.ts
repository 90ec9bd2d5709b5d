/**
 * What people call the steps and alarm kinds, in Chinese and English. Step names follow
 * service-standards.md (§2–§8); an unknown step is shown by its id alone.
 */
import { DetailType } from '../ports/events.ts';

export const AlarmLanguage = { zh: 'zh-CN', en: 'en' } as const;
export type AlarmLanguage = (typeof AlarmLanguage)[keyof typeof AlarmLanguage];

type Bilingual = Readonly<Record<AlarmLanguage, string>>;

const STEP_LABELS: Readonly<Record<string, Bilingual>> = {
  'order.payment': { 'zh-CN': '未付款跟进', en: 'unpaid follow-up' },
  'order.review': { 'zh-CN': '订单审核', en: 'order review' },
  'order.pack': { 'zh-CN': '打包备货', en: 'packing' },
  'order.crm-bind': { 'zh-CN': 'CRM绑定', en: 'CRM binding' },
  'order.dispatch': { 'zh-CN': '检货发出', en: 'dispatch' },
  'order.pickup': { 'zh-CN': '物流揽收', en: 'courier pickup' },
  'order.delivery': { 'zh-CN': '送达', en: 'delivery' },
  'order.handover': { 'zh-CN': '一天内发出', en: 'handover within a day' },
  'cancel.verify': { 'zh-CN': '取消核实', en: 'cancellation check' },
  'cancel.refund': { 'zh-CN': '取消退款', en: 'cancellation refund' },
  'refund.settle': { 'zh-CN': '退款到账', en: 'refund arrival' },
  'return.verify': { 'zh-CN': '退货核实', en: 'return check' },
  'return.receive': { 'zh-CN': '退货收货', en: 'return receipt' },
  'return.inspect': { 'zh-CN': '退货质检', en: 'return inspection' },
  'return.refund': { 'zh-CN': '退货退款', en: 'return refund' },
  'return.crm-unbind': { 'zh-CN': 'CRM解绑', en: 'CRM unbinding' },
  'exchange.verify': { 'zh-CN': '换货核实', en: 'exchange check' },
  'exchange.crm-unbind': { 'zh-CN': '换货CRM解绑', en: 'exchange CRM unbinding' },
  'exchange.receive': { 'zh-CN': '换货收货', en: 'exchange receipt' },
  'exchange.inspect': { 'zh-CN': '换货质检', en: 'exchange inspection' },
  'complaint.acknowledge': { 'zh-CN': '投诉受理', en: 'complaint acknowledgement' },
  'complaint.investigate': { 'zh-CN': '投诉调查', en: 'complaint investigation' },
  'complaint.resolve': { 'zh-CN': '投诉处理', en: 'complaint resolution' },
  'complaint.callback': { 'zh-CN': '投诉回访', en: 'complaint callback' },
  'stock.supplier-contact': { 'zh-CN': '联系供应商', en: 'supplier contact' },
  'stock.notify-cs': { 'zh-CN': '缺货通知客服', en: 'out-of-stock notice' },
};

/** What happened, as the message headline says it. */
const WHAT: Readonly<Record<string, Bilingual>> = {
  [DetailType.SlaBreached]: { 'zh-CN': '超时', en: 'breached' },
  [DetailType.SlaWarning]: { 'zh-CN': '即将超时', en: 'due soon' },
  [DetailType.PickupMissed]: { 'zh-CN': '漏揽收', en: 'pickup missed' },
  [DetailType.RefundOverdue]: { 'zh-CN': '退款逾期', en: 'refund overdue' },
};

/** `订单审核` / `order review`; undefined for a step the standards do not name. */
export function stepLabel(step: string, language: AlarmLanguage): string | undefined {
  return STEP_LABELS[step]?.[language];
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
