/**
 * A complaint's kind as tags (service-standards.md §12 "Complaint kinds"): its category, and
 * 紧急 / Urgent in red for an urgent one. Labels from core/complaints/kinds.ts.
 */
import { Tag } from 'antd';
import { CATEGORY_LABELS, LEVEL_LABELS, type ComplaintCategory, type ComplaintLevel } from '../../../core/complaints/kinds.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function ComplaintKindTags({ category, level }: { category: ComplaintCategory | null | undefined; level: ComplaintLevel | undefined }) {
  const { t, lang } = useI18n();
  return (
    <span data-testid="complaint-kind">
      <Tag>{category ? CATEGORY_LABELS[category][lang] : t('complaint.uncategorised')}</Tag>
      {level && <Tag color={level === 'urgent' ? 'red' : undefined}>{LEVEL_LABELS[level][lang]}</Tag>}
    </span>
  );
}

/** The red 紧急 tag of a queue row whose deadline was chosen by an urgent complaint's level. */
export function UrgentTag({ facts }: { facts?: Record<string, string> | undefined }) {
  const { t } = useI18n();
  return facts?.level === 'urgent' ? (
    <Tag color="red" data-testid="urgent-tag">
      {t('complaint.urgentTag')}
    </Tag>
  ) : null;
}
