/** The board's team card (issue 23): per person on duty now, open / warned / breached steps held, and the pool; a link to the roster. */
import { Button, Card, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { Board } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { labelOf, ROLE_LABELS } from '../i18n/labels.ts';
import { URGENCY_STYLE } from './remaining-cell.tsx';

type Row = NonNullable<Board['team']>['people'][number];

export function BoardTeam({ team }: { team: Board['team'] }) {
  const { t, lang } = useI18n();
  const roster = (
    <Link to="/roster">
      <Button size="small">{t('roster.open')}</Button>
    </Link>
  );
  if (!team) return null;
  const rows: (Row & { pool?: boolean })[] = [...team.people, { id: '', name: t('team.poolRow'), onDutyNow: [], ...team.pool, pool: true }];
  return (
    <Card title={t('team.title')} extra={roster} style={{ marginBottom: 16 }}>
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => r.id || 'pool'}
        dataSource={rows}
        onRow={(r) => ({ 'data-person': r.id || 'pool' }) as never}
        columns={[
          { title: t('team.person'), key: 'person', render: (_, r) => (r.pool ? r.name : `${r.name}${r.name !== r.id ? ` (${r.id})` : ''}`) },
          {
            title: t('team.onDuty'),
            key: 'duty',
            render: (_, r) => (r.pool ? '' : r.onDutyNow.length ? r.onDutyNow.map((role) => <Tag color="green" key={role}>{labelOf(ROLE_LABELS, role, lang)}</Tag>) : <Tag>{t('team.offDuty')}</Tag>),
          },
          { title: t('team.open'), dataIndex: 'open', key: 'open' },
          { title: t('team.warned'), key: 'warned', render: (_, r) => <span style={{ color: r.warned ? URGENCY_STYLE.warned.color : undefined }}>{r.warned}</span> },
          { title: t('team.breached'), key: 'breached', render: (_, r) => <span style={{ color: r.breached ? URGENCY_STYLE.breached.color : undefined }}>{r.breached}</span> },
        ]}
      />
    </Card>
  );
}
