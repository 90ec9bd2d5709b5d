/** The live remaining-time cell of a queue row: words and an icon for each state, never colour alone. */
import { CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined, MinusCircleOutlined, PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import type { QueueItem } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { minutesText, remainingView, type Urgency } from '../queue/remaining.ts';
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

export function RemainingCell({ item }: { item: QueueItem }) {
  const { t, lang } = useI18n();
  const view = remainingView(item);
  const left = view.minutes === undefined ? '—' : minutesText(view.minutes, lang);
  const resumes = view.resumesAt === undefined ? undefined : item.due !== null && zoneDay(view.resumesAt) === zoneDay(item.due) ? formatTime(view.resumesAt) : formatWeekdayDateTime(view.resumesAt, lang);
  const style = { color: URGENCY_STYLE[view.urgency].color };
  switch (view.urgency) {
    case 'paused':
      return (
        <Space orientation="vertical" size={0} style={style} data-urgency="paused">
          <span>
            <PauseCircleOutlined aria-hidden /> {t('remaining.paused', { reason: view.pauseReason ?? '' })}
          </span>
          {resumes && <Typography.Text style={style}>{t('remaining.pausedUntil', { time: resumes })}</Typography.Text>}
        </Space>
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
        <Space orientation="vertical" size={0} style={style} data-urgency="offDuty">
          <span>
            <ClockCircleOutlined aria-hidden /> {t('remaining.offDuty', { time: resumes ?? '—' })}
          </span>
          <span>{t('remaining.left', { minutes: left })}</span>
        </Space>
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
