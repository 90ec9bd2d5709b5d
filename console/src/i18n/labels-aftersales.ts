/**
 * Names of the completion fields and choices of complaint kinds and the after-sales side flows
 * (core/complaints/kinds.ts, core/aftersales/side-flows.ts), merged into FIELD_LABELS: the
 * category and level choices come from the core's own label tables, never restated.
 */
import { CATEGORY_LABELS, LEVEL_LABELS } from '../../../core/complaints/kinds.ts';

type Labels = Record<string, { zh: string; en: string }>;

export const AFTERSALES_FIELD_LABELS: Labels = {
  ...CATEGORY_LABELS,
  ...LEVEL_LABELS,
  category: { zh: '投诉类别', en: 'Category' },
  level: { zh: '投诉级别', en: 'Level' },
  repairReferral: { zh: '维修中心转介', en: 'Repair referral' },
  centre: { zh: '维修中心', en: 'Repair centre' },
  note: { zh: '说明', en: 'Note' },
  damagedStock: { zh: '入报损库', en: 'Into damaged stock' },
  supplier: { zh: '供应商', en: 'Supplier' },
  deductedAmount: { zh: '扣除已用款项(元)', en: 'Deducted for benefits used (yuan)' },
  items: { zh: '货品', en: 'Items' },
  collectOn: { zh: '取货日', en: 'Collection day' },
  inspectedAt: { zh: '入库检验时间', en: 'Inspected at' },
};
