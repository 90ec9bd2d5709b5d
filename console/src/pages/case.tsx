/**
 * A case: its facts (the customer's phone partly masked by the API), every step with status, who
 * and when, how each step's deadline was computed (the engine's explanation), and the timeline.
 */
import { ArrowLeftOutlined, CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, List, Space, Spin, Table, Tag, Typography } from 'antd';
import { ComplaintKindTags } from '../components/complaint-kind-tags.tsx';
import { Link, useParams } from 'react-router';
import { errorText } from '../api/error-words.ts';
import { useCase } from '../api/queries.ts';
import type { CaseView, StepView } from '../api/types.ts';
import { BatchTargetText } from '../components/batch-target.tsx';
import { CaseFacts } from '../components/case-facts.tsx';
import { NoReasonWindowTag } from '../components/no-reason-window.tsx';
import { StepActions } from '../components/step-actions.tsx';
import { StepFields } from '../components/step-fields.tsx';
import { useNarrow } from '../components/use-narrow.ts';
import { StepDetails, DETAILED_FIELDS } from '../components/step-details.tsx';
import { CaseTimeline } from '../components/case-timeline.tsx';
import { NoticeKindText } from '../components/dead-notices.tsx';
import { HoldPanel } from '../components/hold-panel.tsx';
import { PlatformDeadlines } from '../components/platform-deadlines.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { Lang } from '../i18n/lang.ts';
import { CASE_TYPE_LABELS, labelOf, OUTCOME_LABELS, ROLE_LABELS, STATUS_LABELS, stepName } from '../i18n/labels.ts';
import { formatTime, formatWeekdayDateTime } from '../time/format.ts';
import { StockOutOrders, StockOutTag, WaitingNote } from '../components/ship-wait.tsx';

export default function CasePage() {
  const { caseId = '' } = useParams();
  const { t, lang } = useI18n();
  const view = useCase(caseId);
  const narrow = useNarrow();
  if (view.isLoading) return <Spin />;
  if (view.error || !view.data) return <Alert type="error" showIcon role="alert" title={t('error.generic', { message: view.error ? errorText(view.error, lang) : '' })} />;
  const c = view.data;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/queue">
        <ArrowLeftOutlined aria-hidden /> {t('case.back')}
      </Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('case.title', { id: c.id })}
      </Typography.Title>
      <CaseFacts
        c={c}
        extra={
          <>
            {c.type === 'stock' && c.data.alert === 'out' && (
              <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
                <Descriptions.Item label={t('stock.openOrders')}>
                  <StockOutOrders orders={c.data.openOrders} />
                </Descriptions.Item>
              </Descriptions>
            )}
            {(c.waiting || c.stockOut) && (
              <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginTop: 8 }}>
                {c.waiting && (
                  <Descriptions.Item label={t('wait.label')}>
                    <WaitingNote waiting={c.waiting} />
                  </Descriptions.Item>
                )}
                {c.stockOut && (
                  <Descriptions.Item label={t('stock.outTag')}>
                    <StockOutTag /> {t('stock.outTagHint')}
                  </Descriptions.Item>
                )}
              </Descriptions>
            )}
            {(c.readyAt || c.noReasonWindow || c.complaint) && (
              <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginTop: 8 }}>
                {c.complaint && (
                  <Descriptions.Item label={t('complaint.kind')}>
                    <ComplaintKindTags category={c.complaint.category} level={c.complaint.level} />
                  </Descriptions.Item>
                )}
                {c.readyAt && <Descriptions.Item label={t('case.readyAt')}>{formatWeekdayDateTime(c.readyAt, lang)}</Descriptions.Item>}
                {c.noReasonWindow && (
                  <Descriptions.Item label={t('case.noReasonWindow')}>
                    <NoReasonWindowTag window={c.noReasonWindow} />
                  </Descriptions.Item>
                )}
              </Descriptions>
            )}
            <PlatformDeadlines c={c} />
            {c.links.length > 0 && (
              <Typography.Paragraph style={{ marginTop: 8 }}>
                {t('case.links')}:{' '}
                {c.links.map((link) => (
                  <Link key={link.caseId} to={`/cases/${encodeURIComponent(link.caseId)}`} style={{ marginRight: 8 }}>
                    {link.caseId} ({labelOf(CASE_TYPE_LABELS, link.caseType, lang)})
                  </Link>
                ))}
              </Typography.Paragraph>
            )}
          </>
        }
      />
      <HoldPanel c={c} />
      <Card title={t('case.steps')}>
        {narrow ? <StepCards view={c} /> : <StepsTable view={c} />}
      </Card>
      <Card title={t('case.timeline')}>
        <CaseTimeline
          entries={c.timeline}
          extra={(entry) => (
            <>
              {entry.kind === 'step.escalated' && ` · ${escalationText(entry.at, entry.detail ?? {}, t, lang)}`}
              {entry.kind === 'pickup.deferred' && <div data-testid="pickup-deferred">{deferredText(entry.detail, t, lang)}</div>}
              {entry.kind.startsWith('notice.') && <NoticeKindText detail={entry.detail} />}
              {entry.kind === 'platform.deadline' && typeof entry.detail?.due === 'string' && ` · ${formatWeekdayDateTime(entry.detail.due, lang)}`}
            </>
          )}
        />
      </Card>
    </Space>
  );
}

/** Why the order goes with a later batch than its window's (the `pickup.deferred` timeline entry, policy pickup.leadMinutes). */
function deferredText(detail: Record<string, unknown> | undefined, t: ReturnType<typeof useI18n>['t'], lang: Lang): string {
  const text = (key: string): string | undefined => (typeof detail?.[key] === 'string' ? detail[key] : undefined);
  const time = (key: string): string => {
    const at = text(key);
    return at === undefined ? '—' : formatTime(at);
  };
  // The planned batch may be another day (17:00 → tomorrow 10:00): with its date.
  return t('case.deferred', { ready: time('readyAt'), skipped: time('skippedBatchAt'), planned: formatWeekdayDateTime(text('plannedPickupAt'), lang), lead: String(detail?.leadMinutes ?? '—') });
}

function StepsTable({ view }: { view: CaseView }) {
  const { t, lang } = useI18n();
  return (
    <Table<StepView>
      rowKey={(s) => `${s.step}#${s.attempt}`}
      dataSource={view.steps}
      pagination={false}
      size="small"
      expandable={{
        expandedRowRender: (s) => (
          <>
            <StepDetails step={s} />
            <StepFields step={s} omit={DETAILED_FIELDS[s.step] ?? DETAILED_FIELDS.any} />
            <DeadlineExplanation step={s} lang={lang} />
          </>
        ),
        defaultExpandAllRows: true,
        rowExpandable: () => true,
      }}
      columns={[
        { title: t('queue.step'), key: 'step', render: (_, s) => `${stepName(s.step, lang)} ${s.step}` },
        { title: t('queue.role'), key: 'role', render: (_, s) => labelOf(ROLE_LABELS, s.role, lang) },
        { title: t('queue.status'), key: 'status', render: (_, s) => <Tag>{labelOf(STATUS_LABELS, s.status, lang)}</Tag> },
        { title: t('queue.opened'), key: 'opened', render: (_, s) => formatWeekdayDateTime(s.openedAt, lang) },
        {
          title: t('queue.due'),
          key: 'due',
          render: (_, s) => (
            <>
              {formatWeekdayDateTime(s.due, lang)}
              <BatchTargetText step={s} />
            </>
          ),
        },
        { title: t('case.completedAt'), key: 'completedAt', render: (_, s) => formatWeekdayDateTime(s.completedAt, lang) },
        { title: t('case.completedBy'), key: 'by', render: (_, s) => s.completedBy ?? '—' },
        { title: t('case.outcome'), key: 'outcome', render: (_, s) => (s.outcome ? labelOf(OUTCOME_LABELS, s.outcome, lang) : '—') },
        {
          title: t('case.onTime'),
          key: 'onTime',
          render: (_, s) =>
            s.onTime === null ? '—' : s.onTime ? (
              <span style={{ color: '#135200' }}>
                <CheckCircleOutlined aria-hidden /> {t('case.onTimeYes')}
              </span>
            ) : (
              <span style={{ color: '#a8071a' }}>
                <CloseCircleOutlined aria-hidden /> {t('case.onTimeNo')}
              </span>
            ),
        },
        { title: t('queue.actions'), key: 'actions', render: (_, s) => <StepActions caseId={view.id} step={s.step} status={s.status} /> },
      ]}
    />
  );
}

/** The steps on a phone: one card each, the same facts as the table's row. */
function StepCards({ view }: { view: CaseView }) {
  const { t, lang } = useI18n();
  return (
    <List<StepView>
      dataSource={view.steps}
      renderItem={(s) => (
        <List.Item key={`${s.step}#${s.attempt}`} style={{ display: 'block' }} data-step={s.step}>
          <Typography.Text strong>{stepName(s.step, lang)}</Typography.Text> <Tag>{labelOf(STATUS_LABELS, s.status, lang)}</Tag>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('queue.role')}>{labelOf(ROLE_LABELS, s.role, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('queue.due')}>{formatWeekdayDateTime(s.due, lang)}</Descriptions.Item>
            {s.completedAt && (
              <Descriptions.Item label={t('case.completedAt')}>
                {formatWeekdayDateTime(s.completedAt, lang)} · {s.completedBy ?? '—'}
              </Descriptions.Item>
            )}
          </Descriptions>
          <StepFields step={s} />
          <DeadlineExplanation step={s} lang={lang} />
          <div style={{ marginTop: 8 }}>
            <StepActions caseId={view.id} step={s.step} status={s.status} />
          </div>
        </List.Item>
      )}
    />
  );
}

function DeadlineExplanation({ step, lang }: { step: StepView; lang: Lang }) {
  const { t } = useI18n();
  const lines = step.deadlineExplanation?.[lang] ?? [];
  return (
    <section aria-label={t('case.deadline')} data-testid={`deadline-${step.step}`}>
      <Typography.Text strong>{t('case.deadline')}</Typography.Text>
      {lines.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('case.noExplanation')}</Typography.Paragraph>
      ) : (
        <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A `step.escalated` entry (service-standards.md §9): "1 级 主管 · 将于 周二 08:00 处理 · 原因". */
function escalationText(at: string, detail: Record<string, unknown>, t: ReturnType<typeof useI18n>['t'], lang: Lang): string {
  const parts = [`${t('board.level', { level: Number(detail.level) })} ${labelOf(ROLE_LABELS, String(detail.role), lang)}`];
  if (typeof detail.seenAt === 'string' && Date.parse(detail.seenAt) > Date.parse(at)) parts.push(t('board.seenAt', { time: formatWeekdayDateTime(detail.seenAt, lang) }));
  if (typeof detail.reason === 'string') parts.push(detail.reason);
  // An urgent complaint escalates at its warning, before any breach (§12 "Complaint kinds").
  if (detail.warning === true) parts.push(t('escalation.atWarning'));
  return parts.join(' · ');
}
