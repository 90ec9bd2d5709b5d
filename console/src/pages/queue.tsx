/**
 * My queue: the open steps of my roles, soonest due first (the API's order), filterable by role,
 * step and status; the remaining on-duty time comes from the API and refreshes by polling.
 *
 * Drawn for 1,000 open steps within the cold-load budget (npm run bench:console): the table pages
 * (20 rows, a real <table> a screen reader walks, unlike a virtual list of divs), its columns are
 * built once per language so a poll that changes nothing redraws no cell, and the cells are plain
 * elements rather than one Ant Design component per line.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Segmented, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { UrgentTag } from '../components/complaint-kind-tags.tsx';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { errorText } from '../api/error-words.ts';
import { useQueue } from '../api/queries.ts';
import type { QueueItem } from '../api/types.ts';
import { CourierCame } from '../components/courier-came.tsx';
import { QueueCards } from '../components/queue-cards.tsx';
import { RemainingCell, URGENCY_STYLE } from '../components/remaining-cell.tsx';
import { StockOutTag, WaitingNote } from '../components/ship-wait.tsx';
import { StepActions } from '../components/step-actions.tsx';
import { AssignActions } from '../components/assign-actions.tsx';
import { RosterGaps } from '../components/roster-gaps.tsx';
import { currentSession } from '../auth/session.ts';
import { useNarrow } from '../components/use-narrow.ts';
import { useI18n, type I18n } from '../i18n/i18n.tsx';
import { CASE_TYPE_LABELS, labelOf, ROLE_LABELS, STATUS_LABELS, stepName } from '../i18n/labels.ts';
import { remainingView } from '../queue/remaining.ts';
import { PriorityTag } from '../components/priority-tag.tsx';
import { formatDateTime, formatWeekdayDateTime } from '../time/format.ts';

/** Rows per page; more on request (the page-size switch). */
const PAGE_SIZE = 20;
/** Secondary text in the cells: the same grey as antd's `type="secondary"` (theme in app.tsx, ≥ 4.5:1 on white). */
const SECONDARY = { color: 'rgba(0,0,0,0.65)' } as const;
const CODE = { fontFamily: 'monospace', fontSize: '0.9em', background: 'rgba(150,150,150,0.1)', border: '1px solid rgba(100,100,100,0.2)', borderRadius: 3, padding: '0 4px' } as const;

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort();
}

function rowKey(item: QueueItem): string {
  return `${item.caseId}#${item.step}#${item.attempt}`;
}

function rowProps(item: QueueItem): HTMLAttributes<HTMLElement> {
  const urgency = remainingView(item).urgency;
  return { 'data-urgency': urgency, 'data-step': item.step, 'data-case': item.caseId, style: { background: URGENCY_STYLE[urgency].background } } as HTMLAttributes<HTMLElement>;
}

/** The table's columns in one language; stable between polls so unchanged rows are not redrawn. */
function queueColumns({ t, lang }: Pick<I18n, 't' | 'lang'>): ColumnsType<QueueItem> {
  return [
    {
      title: t('queue.case'),
      key: 'case',
      render: (_, item) => (
        <>
          <Link to={`/cases/${encodeURIComponent(item.caseId)}`}>{item.caseId}</Link>
          {item.priority && <PriorityTag />}
          <div style={SECONDARY}>{labelOf(CASE_TYPE_LABELS, item.caseType, lang)}</div>
        </>
      ),
    },
    {
      title: t('queue.step'),
      key: 'step',
      render: (_, item) => (
        <>
          <div>
            {stepName(item.step, lang)} {item.facts?.level === 'urgent' && <UrgentTag facts={item.facts} />}
          </div>
          <code style={CODE}>{item.step}</code>
          {item.stockOut && <div><StockOutTag /></div>}
        </>
      ),
    },
    { title: t('queue.role'), key: 'role', render: (_, item) => labelOf(ROLE_LABELS, item.role, lang) },
    { title: t('queue.opened'), key: 'opened', render: (_, item) => <time dateTime={item.openedAt}>{formatDateTime(item.openedAt)}</time> },
    { title: t('queue.due'), key: 'due', render: (_, item) => (item.due ? <time dateTime={item.due}>{formatWeekdayDateTime(item.due, lang)}</time> : '—') },
    { title: t('queue.remaining'), key: 'remaining', render: (_, item) => (item.waiting ? <WaitingNote waiting={item.waiting} /> : <RemainingCell item={item} />) },
    { title: t('queue.status'), key: 'status', render: (_, item) => <Tag>{labelOf(STATUS_LABELS, item.status, lang)}</Tag> },
    { title: t('team.holder'), key: 'holder', render: (_, item) => (item.waiting ? null : <AssignActions caseId={item.caseId} step={item.step} role={item.role} assignedTo={item.assignedTo} />) },
    // A waiting order is the platform's to release (ship date, stock.received): nothing to do on it here.
    { title: t('queue.actions'), key: 'actions', render: (_, item) => (item.waiting ? null : <StepActions caseId={item.caseId} step={item.step} status={item.status} />) },
  ];
}

export function QueuePage() {
  const { t, lang } = useI18n();
  const queue = useQueue();
  const narrow = useNarrow();
  const [role, setRole] = useState<string>();
  const [step, setStep] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [stockOutOnly, setStockOutOnly] = useState(false);
  const [waitingOnly, setWaitingOnly] = useState(false);
  // 我的 (held by me) or 全组 (every step of my roles, the pool included: issue 23).
  const [view, setView] = useState<'team' | 'mine'>('team');
  const me = currentSession()?.user;
  const items = useMemo(() => queue.data?.pages.flatMap((page) => page.items) ?? [], [queue.data]);
  const shown = useMemo(
    () =>
      items.filter(
        (item) =>
          (view === 'team' || item.assignedTo === me) &&
          (!role || item.role === role) &&
          (!step || item.step === step) &&
          (!status || item.status === status) &&
          (!stockOutOnly || item.stockOut) &&
          (!waitingOnly || item.waiting !== null),
      ),
    [items, view, me, role, step, status, stockOutOnly, waitingOnly],
  );
  const columns = useMemo(() => queueColumns({ t, lang }), [t, lang]);
  const filters = useMemo(() => {
    const options = (values: string[], name: (id: string) => string) => values.map((value) => ({ value, label: `${name(value)} ${value}` }));
    return {
      roles: options(distinct(items.map((i) => i.role)), (id) => labelOf(ROLE_LABELS, id, lang)),
      steps: options(distinct(items.map((i) => i.step)), (id) => stepName(id, lang)),
      statuses: options(['open', 'warned', 'breached', 'paused'], (id) => labelOf(STATUS_LABELS, id, lang)),
    };
  }, [items, lang]);

  return (
    <section aria-labelledby="queue-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} id="queue-title" style={{ margin: 0 }}>
          {t('queue.title')}
        </Typography.Title>
        <Space wrap>
          <Segmented
            aria-label={t('team.view')}
            value={view}
            onChange={(v) => setView(v as 'team' | 'mine')}
            options={[
              { value: 'mine', label: t('team.mine') },
              { value: 'team', label: t('team.all') },
            ]}
          />
          <Select aria-label={t('queue.filterRole')} placeholder={t('queue.filterRole')} allowClear style={{ minWidth: narrow ? 0 : 180, width: narrow ? '100%' : undefined }} value={role} onChange={setRole} options={filters.roles} />
          <Select aria-label={t('queue.filterStep')} placeholder={t('queue.filterStep')} allowClear style={{ minWidth: narrow ? 0 : 200, width: narrow ? '100%' : undefined }} value={step} onChange={setStep} options={filters.steps} />
          <Select aria-label={t('queue.filterStatus')} placeholder={t('queue.filterStatus')} allowClear style={{ minWidth: narrow ? 0 : 140, width: narrow ? '100%' : undefined }} value={status} onChange={setStatus} options={filters.statuses} />
          <Checkbox checked={stockOutOnly} onChange={(e) => setStockOutOnly(e.target.checked)}>
            {t('queue.filterStockOut')}
          </Checkbox>
          <Checkbox checked={waitingOnly} onChange={(e) => setWaitingOnly(e.target.checked)}>
            {t('queue.filterWaiting')}
          </Checkbox>
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void queue.refetch()} loading={queue.isFetching}>
            {t('queue.refresh')}
          </Button>
          <CourierCame />
        </Space>
      </Space>
      {queue.error && <Alert type="error" showIcon role="alert" title={t('error.generic', { message: errorText(queue.error, lang) })} style={{ marginBottom: 16 }} />}
      <RosterGaps gaps={queue.data?.pages[0]?.rosterGaps} />
      <Typography.Text type="secondary">{queue.hasNextPage ? t('queue.countLoaded', { count: shown.length }) : t('queue.count', { count: shown.length })}</Typography.Text>
      {/* The table mounts once, with its rows: until the first answer a spinner stands in for it. */}
      {queue.data && narrow ? (
        <QueueCards items={shown} pageSize={PAGE_SIZE} empty={t('queue.empty')} />
      ) : queue.data ? (
        <Table<QueueItem>
          style={{ marginTop: 8 }}
          rowKey={rowKey}
          dataSource={shown}
          pagination={{ defaultPageSize: PAGE_SIZE, pageSizeOptions: [PAGE_SIZE, 50, 100], hideOnSinglePage: true }}
          locale={{ emptyText: t('queue.empty') }}
          onRow={rowProps}
          columns={columns}
        />
      ) : (
        queue.isLoading && <Spin style={{ display: 'block', marginTop: 24 }} />
      )}
      {/* The queue comes a page at a time (soonest due first): the rest on request. */}
      {queue.hasNextPage && (
        <Button block={narrow} style={{ marginTop: 8 }} onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
          {t('queue.loadMore')}
        </Button>
      )}
    </section>
  );
}
