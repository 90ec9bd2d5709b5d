/** The platform's own deadlines beside ours on an order's case page (docs/connectors.md, Douyin tags 126 and 209). */
import { Descriptions } from 'antd';
import type { CaseView } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { MESSAGES, type MessageKey } from '../i18n/messages.ts';
import { formatWeekdayDateTime } from '../time/format.ts';
import { latestPlatformDeadlines } from './platform-deadline-list.ts';

/** Our own plan a platform's deadline of each kind stands beside: the planned pickup batch (the latest step's) for a ship-by time. */
function ourPlan(c: CaseView, deadline: string): string | undefined {
  if (deadline !== 'ship-by') return undefined;
  return [...c.steps].reverse().find((s) => s.plannedPickupAt)?.plannedPickupAt ?? undefined;
}

export function PlatformDeadlines({ c }: { c: CaseView }) {
  const { t, lang } = useI18n();
  // A platform or kind without words yet shows its id.
  const word = (key: string, fallback: string) => (key in MESSAGES ? t(key as MessageKey) : fallback);
  const deadlines = latestPlatformDeadlines(c.timeline);
  if (deadlines.length === 0) return null;
  return (
    <Descriptions column={1} size="small" style={{ marginTop: 8 }} data-testid="platform-deadlines">
      {deadlines.map((d) => {
        const ours = ourPlan(c, d.deadline);
        const label = `${word(`connector.platform.${d.platform}`, d.platform)} · ${word(`connector.deadline.${d.deadline}`, d.deadline)}`;
        return (
          <Descriptions.Item key={`${d.platform}#${d.deadline}`} label={label}>
            {formatWeekdayDateTime(d.due, lang)}
            {ours ? ` · ${t('connector.deadline.ours', { time: formatWeekdayDateTime(ours, lang) })}` : ''}
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}
