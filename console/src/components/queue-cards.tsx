/**
 * The queue on a phone: one card per open step instead of an eight-column table — the case, the
 * step, the due time, the live countdown and the buttons, large enough for a thumb. The card
 * carries the same `data-case`/`data-step`/`data-urgency` as the table's row.
 */
import { Card, List, Tag } from 'antd';
import { UrgentTag } from './complaint-kind-tags.tsx';
import { PriorityTag } from './priority-tag.tsx';
import { Link } from 'react-router';
import type { QueueItem } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { CASE_TYPE_LABELS, labelOf, ROLE_LABELS, STATUS_LABELS, stepName } from '../i18n/labels.ts';
import { remainingView } from '../queue/remaining.ts';
import { formatWeekdayDateTime } from '../time/format.ts';
import { RemainingCell, URGENCY_STYLE } from './remaining-cell.tsx';
import { StepActions } from './step-actions.tsx';
import { StockOutTag, WaitingNote } from './ship-wait.tsx';
import { AssignActions } from './assign-actions.tsx';

export function QueueCards({ items, pageSize, empty }: { items: QueueItem[]; pageSize: number; empty: string }) {
  const { t, lang } = useI18n();
  return (
    <List<QueueItem>
      style={{ marginTop: 8 }}
      dataSource={items}
      locale={{ emptyText: empty }}
      pagination={items.length > pageSize ? { pageSize, size: 'small', align: 'center' } : false}
      renderItem={(item) => {
        const urgency = remainingView(item).urgency;
        return (
          <List.Item key={`${item.caseId}#${item.step}#${item.attempt}`} style={{ padding: '4px 0', border: 'none' }}>
            <div data-case={item.caseId} data-step={item.step} data-urgency={urgency} style={{ width: '100%' }}>
            <Card
              size="small"
              style={{ width: '100%', background: URGENCY_STYLE[urgency].background }}
              title={
                <span>
                  {stepName(item.step, lang)} <UrgentTag facts={item.facts} /> <Tag>{labelOf(STATUS_LABELS, item.status, lang)}</Tag>
                  {item.stockOut && <StockOutTag />}
                </span>
              }
            >
              <div>
                <Link to={`/cases/${encodeURIComponent(item.caseId)}`}>{item.caseId}</Link>
                {item.priority && <PriorityTag />} · {labelOf(CASE_TYPE_LABELS, item.caseType, lang)} · {labelOf(ROLE_LABELS, item.role, lang)}
              </div>
              <div>
                {t('queue.due')} {item.due ? <time dateTime={item.due}>{formatWeekdayDateTime(item.due, lang)}</time> : '—'}
              </div>
              {item.waiting ? <WaitingNote waiting={item.waiting} /> : <RemainingCell item={item} />}
              {!item.waiting && (
                <div style={{ marginTop: 8 }}>
                  <AssignActions caseId={item.caseId} step={item.step} role={item.role} assignedTo={item.assignedTo} />
                </div>
              )}
              {!item.waiting && (
                <div style={{ marginTop: 8 }}>
                  <StepActions caseId={item.caseId} step={item.step} status={item.status} />
                </div>
              )}
            </Card>
            </div>
          </List.Item>
        );
      }}
    />
  );
}
