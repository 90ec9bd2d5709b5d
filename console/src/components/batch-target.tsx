/**
 * The second, smaller countdown of an order step before the pickup (service-standards.md §2 "Batch
 * targets"): "赶 13:00 揽收" / "for the 13:00 pickup" with the wall-clock minutes the API computed
 * (`batchTargetRemainingMinutes`) — the browser never subtracts times. Words and an icon, not colour alone.
 */
import { CarOutlined } from '@ant-design/icons';
import type { QueueItem, StepView } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { minutesText } from '../queue/remaining.ts';
import { formatTime } from '../time/format.ts';

const STYLE = { fontSize: '0.85em', color: '#434343' } as const;
const LATE = { fontSize: '0.85em', color: '#a8071a' } as const;

/** Under a queue row's remaining time: the batch, and the minutes left to (or past) its target. */
export function BatchTargetLine({ item }: { item: Pick<QueueItem, 'plannedPickupAt' | 'batchTargetAt' | 'batchTargetRemainingMinutes'> }) {
  const { t, lang } = useI18n();
  if (item.plannedPickupAt === null || item.batchTargetAt === null) return null;
  const minutes = item.batchTargetRemainingMinutes;
  const late = minutes !== null && minutes < 0;
  const batch = t('batch.for', { time: formatTime(item.plannedPickupAt) });
  const left = minutes === null ? '' : ` · ${t(late ? 'batch.past' : 'batch.left', { minutes: minutesText(minutes, lang) })}`;
  return (
    <div style={late ? LATE : STYLE} data-batch-target={item.batchTargetAt}>
      <CarOutlined aria-hidden /> {batch}
      {left}
    </div>
  );
}

/** On the case page: the batch and by when the step has to be done to make it. */
export function BatchTargetText({ step }: { step: Pick<StepView, 'plannedPickupAt' | 'batchTargetAt' | 'atRiskAt'> }) {
  const { t } = useI18n();
  if (step.plannedPickupAt === null || step.batchTargetAt === null) return null;
  return (
    <div style={step.atRiskAt === null ? STYLE : LATE} data-batch-target={step.batchTargetAt}>
      <CarOutlined aria-hidden /> {t('batch.for', { time: formatTime(step.plannedPickupAt) })} · {t('batch.by', { time: formatTime(step.batchTargetAt) })}
      {step.atRiskAt !== null && ` · ${t('batch.atRisk')}`}
    </div>
  );
}
