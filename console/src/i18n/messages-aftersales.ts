/** Words of complaint kinds and the after-sales side flows (issue 22 items 6 and 8), in both languages. */
export const AFTERSALES_MESSAGES = {
  'complaint.kind': { zh: '投诉类别 / 级别', en: 'Complaint kind' },
  'complaint.uncategorised': { zh: '未分类', en: 'Not categorised' },
  'complaint.urgentTag': { zh: '紧急', en: 'Urgent' },
  'groupBy.category': { zh: '投诉类别', en: 'Complaint category' },
  'stock.collectItems': { zh: '报损库待供应商取回', en: 'Damaged stock for the supplier' },
  'escalation.atWarning': { zh: '预警即上报', en: 'Escalated at warning' },
} as const;
