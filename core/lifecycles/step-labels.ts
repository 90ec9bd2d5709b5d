/**
 * What people call each step, in zh-CN (the console's default) and English. The Chinese terms are
 * the ones of service-standards.md (订单审核, 串号, 回访 ...); ids stay the stable keys.
 */

export interface Label {
  zh: string;
  en: string;
}

const STEP_LABELS: Readonly<Record<string, Label>> = {
  'order.payment': { zh: '未付款跟进', en: 'Unpaid order follow-up' },
  'order.hold-approve': { zh: '留货审批', en: 'Hold approval' },
  'order.hold-followup': { zh: '留货到期跟进', en: 'Hold follow-up' },
  'order.review': { zh: '订单审核', en: 'Order review' },
  'order.pack': { zh: '打包录串号', en: 'Pack and enter serials' },
  'order.crm-bind': { zh: 'CRM 绑定', en: 'CRM binding' },
  'order.dispatch': { zh: '发货', en: 'Dispatch' },
  'order.pickup': { zh: '快递揽收', en: 'Courier pickup' },
  'order.delivery': { zh: '签收', en: 'Delivery' },
  'order.presale-wait': { zh: '预售等待发货日', en: 'Pre-sale: waiting for the ship date' },
  'order.backorder-wait': { zh: '缺货等待到货', en: 'Backorder: waiting for stock' },
  'order.handover': { zh: '一日内交付快递', en: 'Handover within a day' },
  'cancel.verify': { zh: '取消核实', en: 'Cancellation check' },
  'cancel.retrieve': { zh: '取回包裹', en: 'Retrieve the parcel' },
  'cancel.refund': { zh: '通知退款', en: 'Refund request' },
  'refund.settle': { zh: '退款到账', en: 'Refund arrival' },
  'return.verify': { zh: '退货核实', en: 'Return check' },
  'return.receive': { zh: '退货签收', en: 'Returned goods received' },
  'return.inspect': { zh: '退货二次检验', en: 'Return inspection' },
  'return.refund': { zh: '退货退款', en: 'Return refund' },
  'return.crm-unbind': { zh: 'CRM 解绑', en: 'CRM unbinding' },
  'exchange.verify': { zh: '换货核实', en: 'Exchange check' },
  'exchange.crm-unbind': { zh: '换货 CRM 解绑', en: 'Exchange CRM unbinding' },
  'exchange.receive': { zh: '换货签收', en: 'Exchanged goods received' },
  'exchange.inspect': { zh: '换货检验', en: 'Exchange inspection' },
  'aftersales.repair-followup': { zh: '维修中心跟进', en: 'Repair referral follow-up' },
  'stock.supplier-collect': { zh: '供应商取回报损货品', en: 'Supplier collects damaged stock' },
  'complaint.acknowledge': { zh: '投诉受理', en: 'Complaint acknowledgement' },
  'complaint.investigate': { zh: '投诉调查', en: 'Complaint investigation' },
  'complaint.resolve': { zh: '投诉处理', en: 'Complaint resolution' },
  'complaint.callback': { zh: '回访', en: 'Satisfaction callback' },
  'stock.supplier-contact': { zh: '联系供应商', en: 'Supplier contact' },
  'stock.notify-cs': { zh: '缺货通知客服', en: 'Out-of-stock notice to CS' },
  'stock.reassure': { zh: '缺货安抚客户', en: 'Reassure out-of-stock customers' },
  'stock.restock': { zh: '等待到货', en: 'Waiting for restock' },
};

/** The step's labels; an id without one (a policy's own step) is shown as itself in both languages. */
export function stepLabel(stepId: string): Label {
  return STEP_LABELS[stepId] ?? { zh: stepId, en: stepId };
}

/** Every step id that has labels. */
export function labelledSteps(): readonly string[] {
  return Object.keys(STEP_LABELS);
}

/** Position of a step in lifecycle order (order, cancellation, return, exchange, complaint, stock); unknown steps sort last. */
export function lifecycleIndex(stepId: string): number {
  const i = labelledSteps().indexOf(stepId);
  return i === -1 ? labelledSteps().length : i;
}

/** `订单审核 Order review (order.review)`: how a report for people names a step. */
export function stepTitle(stepId: string): string {
  const { zh, en } = stepLabel(stepId);
  return zh === stepId ? stepId : `${zh} ${en} (${stepId})`;
}
