/**
 * The board's card of customer notices the storefront did not take within 24 h (docs/notices.md):
 * how many, and for each the case, order, kind, when it was raised and given up, the storefront's
 * last answer and the text the customer did not get.
 */
import { Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Board } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatWeekdayDateTime } from '../time/format.ts';

export function DeadNotices({ dead }: { dead: Board['deadNotices'] }) {
  const { t, lang } = useI18n();
  return (
    <Card title={t('board.deadNotices')} style={{ marginBottom: 16 }} data-testid="dead-notices">
      <Typography.Paragraph data-testid="dead-notices-count" type={dead.count > 0 ? 'danger' : 'secondary'}>
        {t('board.deadNotices.count', { count: dead.count })}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={dead.notices}
        locale={{ emptyText: t('board.none') }}
        renderItem={(n) => (
          <List.Item>
            <div>
              <Tag color="red">{t(`notice.${n.kind}`)}</Tag>
              <Link to={`/cases/${encodeURIComponent(n.caseId)}`}>{n.orderId ?? n.caseId}</Link>
              <Typography.Text type="secondary">
                {' · '}
                {t('board.deadNotices.raised', { time: formatWeekdayDateTime(n.raisedAt, lang) })} · {t('board.deadNotices.gaveUp', { time: formatWeekdayDateTime(n.deadLetteredAt, lang) })}
              </Typography.Text>
              <div>
                {t('board.deadNotices.reason')}: <Typography.Text code>{n.reason}</Typography.Text>
              </div>
              <Typography.Paragraph ellipsis={{ rows: 1, expandable: true }} style={{ marginBottom: 0 }}>
                {n.text}
              </Typography.Paragraph>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The notice's kind in words, for a `notice.*` timeline entry. */
export function NoticeKindText({ detail }: { detail: Record<string, unknown> | undefined }) {
  const { t } = useI18n();
  const kind = detail?.notice;
  if (kind !== 'ship-time' && kind !== 'refund-sent' && kind !== 'complaint-received' && kind !== 'complaint-resolved') return null;
  return <span data-testid="notice-kind">{` · ${t(`notice.${kind}`)}`}</span>;
}
