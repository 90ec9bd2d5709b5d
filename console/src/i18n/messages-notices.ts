/** Words of customer notices (docs/notices.md) on the board and the case timeline, in both languages. */
export const NOTICE_MESSAGES = {
  'board.deadNotices': { zh: '未送达的顾客通知', en: 'Customer notices not delivered' },
  'board.deadNotices.count': { zh: '共 {count} 条(店铺 24 小时内未接收)', en: '{count} in all (the storefront did not take them within 24 h)' },
  'board.deadNotices.raised': { zh: '发出于 {time}', en: 'raised {time}' },
  'board.deadNotices.gaveUp': { zh: '{time} 放弃重试', en: 'given up {time}' },
  'board.deadNotices.reason': { zh: '店铺答复', en: 'Storefront said' },
  'notice.ship-time': { zh: '发货时间通知', en: 'Ship time' },
  'notice.refund-sent': { zh: '退款通知', en: 'Refund sent' },
  'notice.complaint-received': { zh: '投诉受理通知', en: 'Complaint received' },
  'notice.complaint-resolved': { zh: '投诉处理结果通知', en: 'Complaint resolved' },
} as const;
