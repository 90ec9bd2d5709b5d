/**
 * What people call each step, in Chinese with the English alongside, in lifecycle order (order,
 * cancellation, return, exchange, complaint, stock — service-standards.md §2–8). Reports list steps
 * in this order, not alphabetically.
 */
export const STEP_LABELS: Readonly<Record<string, string>> = {
  'order.payment': '未付款跟进 payment follow-up',
  'order.review': '订单审核 order review',
  'order.pack': '备货打包 packing',
  'order.crm-bind': 'CRM绑定 CRM binding',
  'order.dispatch': '发货登记 dispatch',
  'order.pickup': '快递揽收 courier pickup',
  'order.delivery': '签收 delivery',
  'order.handover': '订单交接承诺 handover promise',
  'cancel.verify': '撤单核实 cancellation check',
  'cancel.refund': '撤单退款 cancellation refund',
  'refund.settle': '退款到账 refund settled',
  'return.verify': '退货核实 return check',
  'return.receive': '退货收货 return received',
  'return.inspect': '退货检验 return inspection',
  'return.refund': '退货退款 return refund',
  'return.crm-unbind': '退货解绑 return CRM unbinding',
  'exchange.verify': '换货核实 exchange check',
  'exchange.crm-unbind': '换货解绑 exchange CRM unbinding',
  'exchange.receive': '换货收货 exchange received',
  'exchange.inspect': '换货检验 exchange inspection',
  'complaint.acknowledge': '投诉受理 complaint acknowledged',
  'complaint.investigate': '投诉调查 complaint investigation',
  'complaint.resolve': '投诉处理 complaint resolution',
  'complaint.callback': '投诉回访 complaint callback',
  'stock.supplier-contact': '联系供应商 supplier contact',
  'stock.notify-cs': '缺货通知客服 stock-out notice',
};

const ORDER = Object.keys(STEP_LABELS);

/** Position of a step in lifecycle order; unknown steps sort last. */
export function lifecycleIndex(step: string): number {
  const i = ORDER.indexOf(step);
  return i === -1 ? ORDER.length : i;
}

/** `订单审核 order review (order.review)`, or the id itself for a step without a label. */
export function stepLabel(step: string): string {
  const label = STEP_LABELS[step];
  return label === undefined ? step : `${label} (${step})`;
}
