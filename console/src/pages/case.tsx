/**
 * A case: its facts (the customer's phone partly masked by the API), every step with status, who
 * and when, how each step's deadline was computed (the engine's explanation), and the timeline.
 */
import { ArrowLeftOutlined, CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useCase } from '../api/queries.ts';
import type { CaseView, StepView } from '../api/types.ts';
import { StepActions } from '../components/step-actions.tsx';
import { StepDetails } from '../components/step-details.tsx';
import { CaseTimeline } from '../components/case-timeline.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { Lang } from '../i18n/lang.ts';
import { CASE_TYPE_LABELS, labelOf, OUTCOME_LABELS, ROLE_LABELS, STATUS_LABELS, stepName } from '../i18n/labels.ts';
import { formatWeekdayDateTime } from '../time/format.ts';

interface OrderFacts {
  customer?: { name?: string; phone?: string };
  address?: string;
  items?: { sku: string; name: string; qty: number; price: number }[];
  paymentChannel?: string;
  reason?: string;
  text?: string;
}

export default function CasePage() {
  const { caseId = '' } = useParams();
  const { t, lang } = useI18n();
  const view = useCase(caseId);
  if (view.isLoading) return <Spin />;
  if (view.error || !view.data) return <Alert type="error" showIcon role="alert" title={t('error.generic', { message: view.error?.message ?? '' })} />;
  const c = view.data;
  const facts = c.data as OrderFacts;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/queue">
        <ArrowLeftOutlined aria-hidden /> {t('case.back')}
      </Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('case.title', { id: c.id })}
      </Typography.Title>
      <Card title={t('case.facts')}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('case.type')}>{labelOf(CASE_TYPE_LABELS, c.type, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('case.status')}>{labelOf(STATUS_LABELS, c.status, lang)}</Descriptions.Item>
          {c.orderId && <Descriptions.Item label={t('case.order')}>{c.orderId}</Descriptions.Item>}
          <Descriptions.Item label={t('case.opened')}>{formatWeekdayDateTime(c.openedAt, lang)}</Descriptions.Item>
          {facts.customer?.name && <Descriptions.Item label={t('case.customer')}>{facts.customer.name}</Descriptions.Item>}
          {facts.customer?.phone && <Descriptions.Item label={t('case.phone')}>{facts.customer.phone}</Descriptions.Item>}
          {facts.address && <Descriptions.Item label={t('case.address')}>{facts.address}</Descriptions.Item>}
          {facts.paymentChannel && <Descriptions.Item label={t('case.payment')}>{facts.paymentChannel}</Descriptions.Item>}
          {facts.items && (
            <Descriptions.Item label={t('case.items')} span={2}>
              {facts.items.map((item) => `${item.name} (${item.sku}) × ${item.qty} · ¥${item.price}`).join('; ')}
            </Descriptions.Item>
          )}
        </Descriptions>
        {c.links.length > 0 && (
          <Typography.Paragraph>
            {t('case.links')}:{' '}
            {c.links.map((link) => (
              <Link key={link.caseId} to={`/cases/${encodeURIComponent(link.caseId)}`} style={{ marginRight: 8 }}>
                {link.caseId} ({labelOf(CASE_TYPE_LABELS, link.caseType, lang)})
              </Link>
            ))}
          </Typography.Paragraph>
        )}
      </Card>
      <Card title={t('case.steps')}>
        <StepsTable view={c} />
      </Card>
      <Card title={t('case.timeline')}>
        <CaseTimeline entries={c.timeline} />
      </Card>
    </Space>
  );
}

function StepsTable({ view }: { view: CaseView }) {
  const { t, lang } = useI18n();
  return (
    <Table<StepView>
      rowKey={(s) => `${s.step}#${s.attempt}`}
      dataSource={view.steps}
      pagination={false}
      size="small"
      expandable={{ expandedRowRender: (s) => (
          <>
            <StepDetails step={s} />
            <DeadlineExplanation step={s} lang={lang} />
          </>
        ), defaultExpandAllRows: true, rowExpandable: () => true }}
      columns={[
        { title: t('queue.step'), key: 'step', render: (_, s) => `${stepName(s.step, lang)} ${s.step}` },
        { title: t('queue.role'), key: 'role', render: (_, s) => labelOf(ROLE_LABELS, s.role, lang) },
        { title: t('queue.status'), key: 'status', render: (_, s) => <Tag>{labelOf(STATUS_LABELS, s.status, lang)}</Tag> },
        { title: t('queue.opened'), key: 'opened', render: (_, s) => formatWeekdayDateTime(s.openedAt, lang) },
        { title: t('queue.due'), key: 'due', render: (_, s) => formatWeekdayDateTime(s.due, lang) },
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
