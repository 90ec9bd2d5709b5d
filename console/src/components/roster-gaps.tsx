/** The queue's warning that part of today's hours of my roles has a roster but nobody on it (issue 23). */
import { Alert } from 'antd';
import type { Queue } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { labelOf, ROLE_LABELS } from '../i18n/labels.ts';

const hhmm = (iso: string) => iso.slice(11, 16);

export function RosterGaps({ gaps }: { gaps: Queue['rosterGaps'] }) {
  const { t, lang } = useI18n();
  if (!gaps || gaps.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      style={{ marginBottom: 12 }}
      title={gaps.map((g) => t('team.gap', { role: labelOf(ROLE_LABELS, g.role, lang), from: hhmm(g.from), to: hhmm(g.to) })).join(';')}
    />
  );
}
