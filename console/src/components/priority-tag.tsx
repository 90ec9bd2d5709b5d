/** The 优先 tag of a priority order's queue row (service-standards.md §12 Priority). */
import { Tag } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

export function PriorityTag() {
  const { t } = useI18n();
  return (
    <Tag color="red" data-priority="true" style={{ marginInlineStart: 6 }}>
      {t('priority.tag')}
    </Tag>
  );
}
