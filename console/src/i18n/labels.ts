/**
 * Names people read for the platform's ids (service-standards.md: roles §1, outcomes and fields
 * §2–§8; steps come from the core), in both languages. The id itself is shown beside the label, so an unknown id still reads.
 */
import { stepLabel } from '../../../core/lifecycles/step-labels.ts';
import { AFTERSALES_FIELD_LABELS } from './labels-aftersales.ts';
import type { Lang } from './lang.ts';

type Labels = Record<string, { zh: string; en: string }>;

/** A step's name (core/lifecycles/step-labels.ts, the one the API sends as `stepLabel`). */
export function stepName(stepId: string, lang: Lang): string {
  return stepLabel(stepId)[lang];
}

export const ROLE_LABELS: Labels = {
  'ops-cs': { zh: '运营客服', en: 'Operations CS' },
  'presales-cs': { zh: '售前客服', en: 'Pre-sales CS' },
  'terminal-admin': { zh: '终端管理员', en: 'Terminal admin' },
  'crm-admin': { zh: 'CRM管理员', en: 'CRM admin' },
  picker: { zh: '终端检货员', en: 'Picker' },
  'inventory-admin': { zh: '库存管理员', en: 'Inventory admin' },
  'complaint-handler': { zh: '投诉受理员', en: 'Complaint handler' },
  supervisor: { zh: '主管', en: 'Supervisor' },
  operator: { zh: '规则管理员', en: 'Policy operator' },
  manager: { zh: '经理', en: 'Manager' },
  automatic: { zh: '自动', en: 'Automatic' },
};

export const STATUS_LABELS: Labels = {
  open: { zh: '进行中', en: 'Open' },
  paused: { zh: '已暂停', en: 'Paused' },
  warned: { zh: '即将超时', en: 'Due soon' },
  breached: { zh: '已超时', en: 'Breached' },
  completed: { zh: '已完成', en: 'Completed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  closed: { zh: '已关闭', en: 'Closed' },
  expired: { zh: '已过期', en: 'Expired' },
  rejected: { zh: '已拒绝', en: 'Rejected' },
};

export const CASE_TYPE_LABELS: Labels = {
  order: { zh: '订单', en: 'Order' },
  cancellation: { zh: '撤单', en: 'Cancellation' },
  return: { zh: '退货', en: 'Return' },
  exchange: { zh: '换货', en: 'Exchange' },
  complaint: { zh: '投诉', en: 'Complaint' },
  stock: { zh: '库存', en: 'Stock' },
};

export const OUTCOME_LABELS: Labels = {
  confirmed: { zh: '已确认', en: 'Confirmed' },
  callback: { zh: '稍后回电', en: 'Call back later' },
  cancelled: { zh: '取消订单', en: 'Cancelled' },
  reminded: { zh: '已提醒', en: 'Reminded' },
  paid: { zh: '已付款', en: 'Paid' },
  withdrawn: { zh: '客户撤回', en: 'Withdrawn' },
  quality: { zh: '质量问题', en: 'Quality problem' },
  insist: { zh: '坚持退货', en: 'Insists on return' },
  damage: { zh: '人为损坏', en: 'Damaged by customer' },
  'same-model': { zh: '同型号换货', en: 'Same model' },
  'no-reason': { zh: '七天无理由', en: 'No reason (7 days)' },
  'other-model': { zh: '换其他型号', en: 'Other model' },
  passed: { zh: '检验通过', en: 'Passed' },
  failed: { zh: '检验不通过', en: 'Failed' },
  upheld: { zh: '投诉成立', en: 'Upheld' },
  'not-upheld': { zh: '投诉不成立', en: 'Not upheld' },
  approved: { zh: '同意', en: 'Approved' },
  refused: { zh: '拒绝', en: 'Refused' },
  held: { zh: '留货', en: 'Held' },
  'followed-up': { zh: '已跟进', en: 'Followed up' },
};

export const FIELD_LABELS: Labels = {
  ...AFTERSALES_FIELD_LABELS,
  outcome: { zh: '结果', en: 'Outcome' },
  serialNumbers: { zh: '串号', en: 'Serial numbers' },
  invoiceNo: { zh: '发票号', en: 'Invoice number' },
  bindings: { zh: '合约绑定', en: 'Bindings' },
  serial: { zh: '串号', en: 'Serial' },
  planId: { zh: '合约计划', en: 'Plan id' },
  carrier: { zh: '快递公司', en: 'Carrier' },
  trackingNo: { zh: '物流编号', en: 'Tracking number' },
  notes: { zh: '备注', en: 'Notes' },
  callbackAt: { zh: '回电时间', en: 'Call back at' },
  exchangeTaken: { zh: '客户接受换货', en: 'Exchange taken' },
  remedy: { zh: '补救方式', en: 'Remedy' },
  explanation: { zh: '说明', en: 'Explanation' },
  score: { zh: '满意度评分', en: 'Satisfaction score' },
  refund: { zh: '退款', en: 'Refund' },
  reship: { zh: '补发', en: 'Reship' },
  compensation: { zh: '补偿', en: 'Compensation' },
};

/** The label of an id in a language; the id itself when unknown. */
export function labelOf(labels: Labels, id: string, lang: Lang): string {
  return labels[id]?.[lang] ?? id;
}
