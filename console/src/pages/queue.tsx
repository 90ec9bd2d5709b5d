/**
 * My queue: the open steps of my roles, soonest due first (the API's order), filterable by role,
 * step and status; the remaining on-duty time comes from the API and refreshes by polling.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQueue } from '../api/queries.ts';
import type { QueueItem } from '../api/types.ts';
import { RemainingCell, URGENCY_STYLE } from '../components/remaining-cell.tsx';
import { StepActions } from '../components/step-actions.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { CASE_TYPE_LABELS, labelOf, ROLE_LABELS, STATUS_LABELS, stepName } from '../i18n/labels.ts';
import { remainingView } from '../queue/remaining.ts';
import { formatDateTime, formatWeekdayDateTime } from '../time/format.ts';

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort();
}

export function QueuePage() {
  const { t, lang } = useI18n();
  const queue = useQueue();
  const [role, setRole] = useState<string>();
  const [step, setStep] = useState<string>();
  const [status, setStatus] = useState<string>();
  const items = useMemo(() => queue.data?.items ?? [], [queue.data]);
  const shown = items.filter((item) => (!role || item.role === role) && (!step || item.step === step) && (!status || item.status === status));
  const options = (values: string[], name: (id: string) => string) => values.map((value) => ({ value, label: `${name(value)} ${value}` }));

  return (
    <section aria-labelledby="queue-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} id="queue-title" style={{ margin: 0 }}>
          {t('queue.title')}
        </Typography.Title>
        <Space wrap>
          <Select aria-label={t('queue.filterRole')} placeholder={t('queue.filterRole')} allowClear style={{ minWidth: 180 }} value={role} onChange={setRole} options={options(distinct(items.map((i) => i.role)), (id) => labelOf(ROLE_LABELS, id, lang))} />
          <Select aria-label={t('queue.filterStep')} placeholder={t('queue.filterStep')} allowClear style={{ minWidth: 200 }} value={step} onChange={setStep} options={options(distinct(items.map((i) => i.step)), (id) => stepName(id, lang))} />
          <Select aria-label={t('queue.filterStatus')} placeholder={t('queue.filterStatus')} allowClear style={{ minWidth: 140 }} value={status} onChange={setStatus} options={options(['open', 'warned', 'breached', 'paused'], (id) => labelOf(STATUS_LABELS, id, lang))} />
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void queue.refetch()} loading={queue.isFetching}>
            {t('queue.refresh')}
          </Button>
        </Space>
      </Space>
      {queue.error && <Alert type="error" showIcon role="alert" title={t('error.generic', { message: queue.error.message })} style={{ marginBottom: 16 }} />}
      <Typography.Text type="secondary">
        {t('queue.count', { count: shown.length })}
      </Typography.Text>
      <Table<QueueItem>
        style={{ marginTop: 8 }}
        rowKey={(item) => `${item.caseId}#${item.step}#${item.attempt}`}
        dataSource={shown}
        loading={queue.isLoading}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: t('queue.empty') }}
        onRow={(item) => {
          const urgency = remainingView(item).urgency;
          return { 'data-urgency': urgency, 'data-step': item.step, 'data-case': item.caseId, style: { background: URGENCY_STYLE[urgency].background } } as React.HTMLAttributes<HTMLElement>;
        }}
        columns={[
          {
            title: t('queue.case'),
            key: 'case',
            render: (_, item) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/cases/${encodeURIComponent(item.caseId)}`}>{item.caseId}</Link>
                <Typography.Text type="secondary">{labelOf(CASE_TYPE_LABELS, item.caseType, lang)}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('queue.step'),
            key: 'step',
            render: (_, item) => (
              <Space orientation="vertical" size={0}>
                <span>{stepName(item.step, lang)}</span>
                <Typography.Text code>{item.step}</Typography.Text>
              </Space>
            ),
          },
          { title: t('queue.role'), key: 'role', render: (_, item) => labelOf(ROLE_LABELS, item.role, lang) },
          { title: t('queue.opened'), key: 'opened', render: (_, item) => <time dateTime={item.openedAt}>{formatDateTime(item.openedAt)}</time> },
          { title: t('queue.due'), key: 'due', render: (_, item) => (item.due ? <time dateTime={item.due}>{formatWeekdayDateTime(item.due, lang)}</time> : '—') },
          { title: t('queue.remaining'), key: 'remaining', render: (_, item) => <RemainingCell item={item} /> },
          { title: t('queue.status'), key: 'status', render: (_, item) => <Tag>{labelOf(STATUS_LABELS, item.status, lang)}</Tag> },
          { title: t('queue.actions'), key: 'actions', render: (_, item) => <StepActions caseId={item.caseId} step={item.step} status={item.status} /> },
        ]}
      />
    </section>
  );
}
