/**
 * Names for what the case page shows beside the step catalogue's fields (labels.ts): the facts the
 * storefront's events carry (api.md), payment channels, and the timeline's entry kinds and actors,
 * so nobody reads `boc`, `sla.breached` or `case-action` where a word exists.
 */
type Labels = Record<string, { zh: string; en: string }>;

export const FACT_LABELS: Labels = {
  reason: { zh: '原因', en: 'Reason' },
  text: { zh: '投诉内容', en: 'Complaint' },
  complaintId: { zh: '投诉编号', en: 'Complaint id' },
  placedAt: { zh: '下单时间', en: 'Placed at' },
  paidAt: { zh: '付款时间', en: 'Paid at' },
  paid: { zh: '已付款', en: 'Paid' },
  deliveredAt: { zh: '签收时间', en: 'Delivered at' },
  receivedAt: { zh: '收到退货时间', en: 'Goods received at' },
  settledAt: { zh: '退款到账时间', en: 'Refund settled at' },
  requestedAt: { zh: '申请时间', en: 'Requested at' },
  sku: { zh: '商品编码', en: 'SKU' },
  name: { zh: '商品', en: 'Item' },
  qty: { zh: '数量', en: 'Quantity' },
  price: { zh: '单价', en: 'Price' },
  available: { zh: '可用库存', en: 'Available' },
  serialized: { zh: '需登记串号', en: 'Serialized' },
  priority: { zh: '优先发货', en: 'Priority' },
  priorityAt: { zh: '标记优先时间', en: 'Marked priority at' },
};

export const PAYMENT_LABELS: Labels = {
  alipay: { zh: '支付宝', en: 'Alipay' },
  'bank-card': { zh: '银行卡', en: 'Bank card' },
  boc: { zh: '中国银行', en: 'Bank of China' },
  wechat: { zh: '微信支付', en: 'WeChat Pay' },
};

export const TIMELINE_LABELS: Labels = {
  'case.opened': { zh: '工单创建', en: 'Case opened' },
  'case.closed': { zh: '工单结束', en: 'Case closed' },
  'step.opened': { zh: '环节开始', en: 'Step opened' },
  'step.completed': { zh: '环节完成', en: 'Step completed' },
  'step.paused': { zh: '环节暂停', en: 'Step paused' },
  'step.resumed': { zh: '环节恢复', en: 'Step resumed' },
  'sla.warned': { zh: '即将超时提醒', en: 'Due-soon warning' },
  'sla.breached': { zh: '已超时', en: 'Breached' },
  'sla.case-warned': { zh: '工单时限提醒', en: 'Case deadline warning' },
  'sla.case-breached': { zh: '工单时限已超', en: 'Case deadline breached' },
  'order.cancelled': { zh: '订单已取消', en: 'Order cancelled' },
  'pickup.handed-over': { zh: '已交快递揽收', en: 'Handed to the courier' },
  'refund.requested': { zh: '已发起退款', en: 'Refund requested' },
  'contact.revealed': { zh: '查看了客户完整电话', en: 'Customer phone revealed' },
  'step.escalated': { zh: '已上报', en: 'Escalated' },
  'step.assigned': { zh: '指派处理人', en: 'Assigned' },
  'step.rescheduled': { zh: '规则变更后时限重算', en: 'Deadline recomputed after a policy change' },
  'pickup.at-risk': { zh: '可能赶不上揽收', en: 'Pickup at risk' },
  'pickup.deferred': { zh: '改排后一批揽收', en: 'Planned for a later pickup' },
  'refund.withdrawn': { zh: '退款已撤回', en: 'Refund withdrawn' },
  checklist: { zh: '核实要点', en: 'Call checklist' },
  'notice.sent': { zh: '已通知顾客', en: 'Customer notified' },
  'platform.deadline': { zh: '平台时限变更', en: 'Platform deadline changed' },
  'notice.dead-lettered': { zh: '顾客通知未送达', en: 'Customer notice not delivered' },
  'hold.requested': { zh: '申请留货', en: 'Hold requested' },
  'hold.held': { zh: '留货一天', en: 'Held for a day' },
  'hold.refused': { zh: '留货被拒', en: 'Hold refused' },
  'hold.cancelled': { zh: '留货取消(已付款)', en: 'Hold cancelled (paid)' },
  'order.priority': { zh: '标记优先发货', en: 'Marked priority' },
};

/** The platform's own actors; a staff member's name is shown as it is. */
export const ACTOR_LABELS: Labels = {
  storefront: { zh: '店铺系统', en: 'Storefront' },
  'sla-timer': { zh: 'SLA 计时器', en: 'SLA timer' },
  'case-action': { zh: '流程自动处理', en: 'Workflow' },
  'pickup-batch': { zh: '揽收批次', en: 'Pickup batch' },
  system: { zh: '系统', en: 'System' },
};
