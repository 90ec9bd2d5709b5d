/**
 * The supervisor board (`GET /board`): now — active steps per role and step with the warned and
 * breached ones, open escalations by level (service-standards.md §9), missed pickups, overdue refunds; today —
 * on-time % per step. Refreshes by polling like the queue.
 */
import { ExclamationCircleOutlined, PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Col, List, Progress, Row, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useBoard } from '../api/queries.ts';
import type { Board } from '../api/types.ts';
import { CourierCame } from '../components/courier-came.tsx';
import { DeadNotices } from '../components/dead-notices.tsx';
import { BoardTeam } from '../components/board-team.tsx';
import { URGENCY_STYLE } from '../components/remaining-cell.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { labelOf, ROLE_LABELS, stepName } from '../i18n/labels.ts';
import { formatWeekdayDateTime } from '../time/format.ts';

export default function BoardPage() {
  const { t, lang } = useI18n();
  const board = useBoard();
  if (board.isLoading) return <Spin />;
  if (board.error || !board.data) return <Alert type="error" showIcon role="alert" title={t('error.generic', { message: board.error?.message ?? '' })} />;
  const b = board.data;
  const sum = (key: 'open' | 'warned' | 'breached' | 'paused') => b.now.reduce((total, row) => total + row[key], 0);
  return (
    <section aria-labelledby="board-title">
      <Typography.Title level={3} id="board-title">
        {t('board.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('board.asOf', { time: formatWeekdayDateTime(b.asOf, lang) })}</Typography.Paragraph>
      <div style={{ marginBottom: 16 }}>
        <CourierCame />
      </div>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card>
            <Statistic title={t('board.open')} value={sum('open')} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('board.warned')} value={sum('warned')} prefix={<WarningOutlined aria-hidden />} styles={{ content: { color: URGENCY_STYLE.warned.color } }} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('board.breached')} value={sum('breached')} prefix={<ExclamationCircleOutlined aria-hidden />} styles={{ content: { color: URGENCY_STYLE.breached.color } }} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('board.paused')} value={sum('paused')} prefix={<PauseCircleOutlined aria-hidden />} />
          </Card>
        </Col>
      </Row>
      <BoardTeam team={b.team} />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t('board.now')} style={{ marginBottom: 16 }}>
            <Table<Board['now'][number]>
              size="small"
              pagination={false}
              rowKey={(r) => `${r.role}#${r.step}`}
              dataSource={b.now}
              columns={[
                { title: t('queue.role'), key: 'role', render: (_, r) => labelOf(ROLE_LABELS, r.role, lang) },
                { title: t('queue.step'), key: 'step', render: (_, r) => `${stepName(r.step, lang)} ${r.step}` },
                { title: t('board.open'), dataIndex: 'open' },
                { title: t('board.warned'), key: 'warned', render: (_, r) => <Count value={r.warned} kind="warned" /> },
                { title: t('board.breached'), key: 'breached', render: (_, r) => <Count value={r.breached} kind="breached" /> },
                { title: t('board.paused'), dataIndex: 'paused' },
              ]}
            />
          </Card>
          <Card title={t('board.escalated')} style={{ marginBottom: 16 }}>
            <List
              size="small"
              dataSource={b.escalated}
              locale={{ emptyText: t('board.none') }}
              renderItem={(item) => (
                <List.Item>
                  {item.escalatedTo && (
                    <Tag>
                      {t('board.level', { level: item.escalatedTo.level })} {labelOf(ROLE_LABELS, item.escalatedTo.role, lang)}
                    </Tag>
                  )}
                  {item.status === 'breached' ? (
                    <span style={{ color: URGENCY_STYLE.breached.color }}>
                      <ExclamationCircleOutlined aria-hidden /> {t('board.breached')}
                    </span>
                  ) : (
                    <span>{t('board.escalatedByHand')}</span>
                  )}
                  <Link to={`/cases/${encodeURIComponent(item.caseId)}`}>{item.caseId}</Link>
                  <span>
                    {stepName(item.step, lang)} {item.step}
                  </span>
                  <span>{formatWeekdayDateTime(item.due, lang)}</span>
                  {item.escalatedTo && Date.parse(item.escalatedTo.seenAt) > Date.parse(b.asOf) && (
                    <Typography.Text type="secondary">{t('board.seenAt', { time: formatWeekdayDateTime(item.escalatedTo.seenAt, lang) })}</Typography.Text>
                  )}
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('board.today')} style={{ marginBottom: 16 }}>
            {b.today.length === 0 && <Typography.Text type="secondary">{t('board.none')}</Typography.Text>}
            {b.today.map((row) => (
              <div key={row.group} style={{ marginBottom: 8 }}>
                <Typography.Text>
                  {stepName(row.group, lang)} {row.group} · {row.onTime}/{row.count}
                </Typography.Text>
                {/* 0/0 is nothing to measure, not 0 % on time. */}
                {row.onTimePct === null ? (
                  <div data-on-time="none">{t('board.nothingToMeasure')}</div>
                ) : (
                  <Progress percent={row.onTimePct} format={(pct) => `${pct ?? 0}%`} aria-label={`${stepName(row.group, lang)} ${row.onTimePct}%`} />
                )}
              </div>
            ))}
          </Card>
          <LateList title={t('board.pickupsDue')} items={b.pickupsDue} />
          <LateList title={t('board.missedPickups')} items={b.missedPickups} />
          <LateList title={t('board.overdueRefunds')} items={b.overdueRefunds} />
          <DeadNotices dead={b.deadNotices} />
        </Col>
      </Row>
    </section>
  );
}

function Count({ value, kind }: { value: number; kind: 'warned' | 'breached' }) {
  if (value === 0) return <span>0</span>;
  const Icon = kind === 'warned' ? WarningOutlined : ExclamationCircleOutlined;
  return (
    <strong style={{ color: URGENCY_STYLE[kind].color }}>
      <Icon aria-hidden /> {value}
    </strong>
  );
}

function LateList({ title, items }: { title: string; items: Board['missedPickups'] }) {
  const { t, lang } = useI18n();
  return (
    <Card title={title} style={{ marginBottom: 16 }}>
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t('board.none') }}
        renderItem={(item) => (
          <List.Item>
            <Link to={`/cases/${encodeURIComponent(item.caseId)}`}>{item.caseId}</Link>
            <span>
              {t('queue.due')} {formatWeekdayDateTime(item.due, lang)}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
