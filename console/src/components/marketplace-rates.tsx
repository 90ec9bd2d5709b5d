/**
 * The marketplaces' own chat measures per agent beside ours (the chat report's `marketplaces`;
 * docs/people.md "Marketplace measures"): Taobao 3-minute, JD 30-second and Pinduoduo 1-hour
 * rates, each as percent with within / counted, so they match what supervisors see there.
 */
import { Card, Table } from 'antd';
import type { ChatReport } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { peopleWord } from '../i18n/people-words.ts';
import { agentText, pctText } from '../reports/chat-figures.ts';

type Row = ChatReport['marketplaces'][number];
type Figure = Row['taobao3MinResponse'];

const rate = (f: Figure): string => `${pctText(f.pct)} (${f.within}/${f.counted})`;

export function MarketplaceRates({ rows, loading }: { rows: readonly Row[]; loading: boolean }) {
  const { lang } = useI18n();
  return (
    <Card title={peopleWord('market.title', lang)} style={{ marginBottom: 16 }}>
      <Table<Row>
        size="small"
        loading={loading}
        pagination={false}
        rowKey="agent"
        dataSource={[...rows]}
        columns={[
          { title: peopleWord('market.agent', lang), key: 'agent', render: (_, r) => agentText(r.agent, lang) },
          { title: peopleWord('market.taobao', lang), key: 'taobao', render: (_, r) => rate(r.taobao3MinResponse) },
          { title: peopleWord('market.jd', lang), key: 'jd', render: (_, r) => rate(r.jd30sResponse) },
          { title: peopleWord('market.pdd', lang), key: 'pdd', render: (_, r) => rate(r.pdd1hValidReply) },
        ]}
      />
    </Card>
  );
}
