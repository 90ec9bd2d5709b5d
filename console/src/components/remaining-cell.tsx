/** The live remaining-time cell of a queue row: words and an icon for each state, never colour alone. */
import { CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined, MinusCircleOutlined, PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { memo } from 'react';
import type { QueueItem } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { minutesText, remainingView, type Urgency } from '../queue/remaining.ts';
import { BatchTargetLine } from './batch-target.tsx';
import { formatTime, formatWeekdayDateTime, zoneDay } from '../time/format.ts';

/** Text colours with ≥ 4.5:1 contrast on their row backgrounds (WCAG AA). */
export const URGENCY_STYLE: Record<Urgency, { color: string; background?: string }> = {
  breached: { color: '#a8071a', background: '#fff1f0' },
  warned: { color: '#7c4a00', background: '#fff7e6' },
  paused: { color: '#434343', background: '#f5f5f5' },
  offDuty: { color: '#434343' },
  ok: { color: '#135200' },
  none: { color: '#434343' },
};

/** Plain elements, memoised: a queue page draws one per row and most polls change none of them. */
export const RemainingCell = memo(function RemainingCell({ item }: { item: QueueItem }) {
  return (
    <>
      <OnDutyRemaining item={item} />
      <BatchTargetLine item={item} />
    </>
  );
});

/** The on-duty countdown of the step's own deadline. */
function OnDutyRemaining({ item }: { item: QueueItem }) {
  const { t, lang } = useI18n();
  const view = remainingView(item);
  const left = view.minutes === undefined ? '—' : minutesText(view.minutes, lang);
  const resumes = view.resumesAt === undefined ? undefined : item.due !== null && zoneDay(view.resumesAt) === zoneDay(item.due) ? formatTime(view.resumesAt) : formatWeekdayDateTime(view.resumesAt, lang);
  const style = { color: URGENCY_STYLE[view.urgency].color };
  switch (view.urgency) {
    case 'paused':
      return (
        <div style={style} data-urgency="paused">
          <div>
            <PauseCircleOutlined aria-hidden /> {t('remaining.paused', { reason: view.pauseReason ?? '' })}
          </div>
          {resumes && <div>{t('remaining.pausedUntil', { time: resumes })}</div>}
        </div>
      );
    case 'breached':
      return (
        <strong style={style} data-urgency="breached">
          <ExclamationCircleOutlined aria-hidden /> {t('remaining.over', { minutes: left })}
        </strong>
      );
    case 'warned':
      return (
        <strong style={style} data-urgency="warned">
          <WarningOutlined aria-hidden /> {t('remaining.dueSoon')} · {t('remaining.left', { minutes: left })}
        </strong>
      );
    case 'offDuty':
      return (
        <div style={style} data-urgency="offDuty">
          <div>
            <ClockCircleOutlined aria-hidden /> {t('remaining.offDuty', { time: resumes ?? '—' })}
          </div>
          <div>{t('remaining.left', { minutes: left })}</div>
        </div>
      );
    case 'none':
      return (
        <span style={style} data-urgency="none">
          <MinusCircleOutlined aria-hidden /> {t('remaining.noDeadline')}
        </span>
      );
    default:
      return (
        <span style={style} data-urgency="ok">
          <CheckCircleOutlined aria-hidden /> {t('remaining.left', { minutes: left })}
        </span>
      );
  }
}
