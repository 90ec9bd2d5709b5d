/**
 * Complaint kinds (service-standards.md §12 "Complaint kinds", seed §4.3 "4.3.1.退款纠纷投诉"):
 * a complaint's `category` and `level`, as `complaint.filed` may carry them and as the handler sets
 * or corrects them when completing `complaint.acknowledge`. One zod schema each, shared by the
 * storefront webhook, the staff API and the console's form.
 */
import { z } from 'zod';
import type { Label } from '../lifecycles/step-labels.ts';

export const COMPLAINT_CATEGORIES = ['refund-dispute', 'quality', 'logistics', 'attitude', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** `urgent` has shorter limits and escalates at its warning (policy `steps.complaint.*`, by fact `level`). */
export const COMPLAINT_LEVELS = ['normal', 'urgent'] as const;
export type ComplaintLevel = (typeof COMPLAINT_LEVELS)[number];

export const CATEGORY_LABELS: Readonly<Record<ComplaintCategory, Label>> = {
  'refund-dispute': { zh: '退款纠纷', en: 'Refund dispute' },
  quality: { zh: '质量问题', en: 'Quality' },
  logistics: { zh: '物流问题', en: 'Logistics' },
  attitude: { zh: '服务态度', en: 'Service attitude' },
  other: { zh: '其他', en: 'Other' },
};

export const LEVEL_LABELS: Readonly<Record<ComplaintLevel, Label>> = {
  normal: { zh: '普通', en: 'Normal' },
  urgent: { zh: '紧急', en: 'Urgent' },
};

export const complaintCategory = z.enum(COMPLAINT_CATEGORIES, { error: (issue) => (issue.input === undefined ? 'is required' : `must be one of ${COMPLAINT_CATEGORIES.join(', ')}`) });
export const complaintLevel = z.enum(COMPLAINT_LEVELS, { error: (issue) => (issue.input === undefined ? 'is required' : `must be one of ${COMPLAINT_LEVELS.join(', ')}`) });

/** The level when neither the storefront nor the handler said. */
export const DEFAULT_LEVEL: ComplaintLevel = 'normal';
/** The reports' group of a complaint nobody categorised (as the satisfaction report, core/reports/satisfaction.ts). */
export const UNCATEGORISED: ComplaintCategory = 'other';

export interface ComplaintKind {
  category: ComplaintCategory | undefined;
  level: ComplaintLevel;
}

const isCategory = (v: unknown): v is ComplaintCategory => typeof v === 'string' && (COMPLAINT_CATEGORIES as readonly string[]).includes(v);
const isLevel = (v: unknown): v is ComplaintLevel => typeof v === 'string' && (COMPLAINT_LEVELS as readonly string[]).includes(v);

/**
 * The complaint's kind now: what the handler set at acknowledgement (its completion's `fields`)
 * wins over what `complaint.filed` said (the case's `data`); the level defaults to `normal`.
 */
export function complaintKind(data: Readonly<Record<string, unknown>>, acknowledged?: Readonly<Record<string, unknown>>): ComplaintKind {
  const category = isCategory(acknowledged?.category) ? acknowledged.category : isCategory(data.category) ? data.category : undefined;
  const level = isLevel(acknowledged?.level) ? acknowledged.level : isLevel(data.level) ? data.level : DEFAULT_LEVEL;
  return { category, level };
}
