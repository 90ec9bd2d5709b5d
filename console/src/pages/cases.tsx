/**
 * 工单查询: the header search's results (`?q=`), or cases by type, status, opening days, open step
 * and role, a page of 20 at a time (the API's `nextToken`). Every filter lives in the URL, so a
 * result can be shared and the back button returns to it. On a phone the rows are cards.
 */
import { Alert, Button, Card, DatePicker, List, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { labelledSteps } from '../../../core/lifecycles/step-labels.ts';
import { errorText } from '../api/error-words.ts';
import { useCaseList, useSearch, type CaseFilter, type CaseSummary, type SearchHit } from '../api/case-search.ts';
import { useNarrow } from '../components/use-narrow.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { CASE_TYPE_LABELS, labelOf, ROLE_LABELS, STATUS_LABELS, stepName } from '../i18n/labels.ts';
import { formatDateTime } from '../time/format.ts';

type Row = CaseSummary & Partial<Pick<SearchHit, 'customer' | 'matchedBy'>>;
const FILTER_KEYS = ['type', 'status', 'from', 'to', 'step', 'role'] as const;
const CASE_STATUSES = ['open', 'completed', 'cancelled', 'rejected', 'expired', 'converted'];
const CASE_STATUS_LABELS = { ...STATUS_LABELS, converted: { zh: '已转换', en: 'Converted' } };

function CaseLink({ id }: { id: string }) {
  return <Link to={`/cases/${encodeURIComponent(id)}`}>{id}</Link>;
}

function useColumns(search: boolean): ColumnsType<Row> {
  const { t, lang } = useI18n();
  return [
    { title: t('queue.case'), key: 'id', render: (_, c) => <CaseLink id={c.id} /> },
    { title: t('cases.type'), key: 'type', render: (_, c) => labelOf(CASE_TYPE_LABELS, c.type, lang) },
    { title: t('cases.status'), key: 'status', render: (_, c) => <Tag>{labelOf(CASE_STATUS_LABELS, c.status, lang)}</Tag> },
    { title: t('cases.order'), key: 'order', render: (_, c) => c.orderId ?? '—' },
    ...(search
      ? [
          { title: t('cases.customer'), key: 'customer', render: (_: unknown, c: Row) => (c.customer ? [c.customer.name, c.customer.phone].filter(Boolean).join(' ') : '—') },
          { title: t('search.matchedBy'), key: 'matched', render: (_: unknown, c: Row) => (c.matchedBy ?? []).map((m) => <Tag key={m}>{t(`match.${m}`)}</Tag>) },
        ]
      : []),
    { title: t('cases.openedAt'), key: 'opened', render: (_, c) => <time dateTime={c.openedAt}>{formatDateTime(c.openedAt)}</time> },
    { title: t('cases.closedAt'), key: 'closed', render: (_, c) => (c.closedAt ? formatDateTime(c.closedAt) : '—') },
  ];
}

/** The same facts as the table's row, as a card a thumb can hit. */
function CaseCard({ c }: { c: Row }) {
  const { t, lang } = useI18n();
  return (
    <Card size="small" style={{ width: '100%' }} title={<CaseLink id={c.id} />} extra={<Tag>{labelOf(CASE_STATUS_LABELS, c.status, lang)}</Tag>}>
      <div>
        {labelOf(CASE_TYPE_LABELS, c.type, lang)} · {t('cases.order')} {c.orderId ?? '—'}
      </div>
      {c.customer && <div>{[c.customer.name, c.customer.phone].filter(Boolean).join(' ')}</div>}
      {c.matchedBy && <div>{c.matchedBy.map((m) => <Tag key={m}>{t(`match.${m}`)}</Tag>)}</div>}
      <div style={{ color: 'rgba(0,0,0,0.65)' }}>
        {t('cases.openedAt')} {formatDateTime(c.openedAt)}
      </div>
    </Card>
  );
}

function Rows({ rows, search, empty }: { rows: Row[]; search: boolean; empty: string }) {
  const narrow = useNarrow();
  const columns = useColumns(search);
  if (narrow) return <List<Row> dataSource={rows} locale={{ emptyText: empty }} renderItem={(c) => (
          <List.Item style={{ padding: '4px 0' }} data-case={c.id}>
            <CaseCard c={c} />
          </List.Item>
        )} />;
  return <Table<Row> rowKey="id" dataSource={rows} columns={columns} pagination={false} locale={{ emptyText: empty }} onRow={(c) => ({ 'data-case': c.id }) as object} />;
}

function SearchResults({ q }: { q: string }) {
  const { t, lang } = useI18n();
  const search = useSearch(q);
  return (
    <section aria-labelledby="cases-title">
      <Typography.Title level={3} id="cases-title">
        {t('search.results', { q })}
      </Typography.Title>
      {search.error && <Alert type="error" showIcon role="alert" title={t('error.generic', { message: errorText(search.error, lang) })} />}
      {search.data?.truncated && <Alert type="info" showIcon title={t('search.truncated')} style={{ marginBottom: 8 }} />}
      {search.data ? <Rows rows={search.data.items} search empty={t('search.none')} /> : <Spin />}
    </section>
  );
}

function FilteredCases() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter: CaseFilter = Object.fromEntries(FILTER_KEYS.flatMap((key) => (params.get(key) ? [[key, params.get(key) as string]] : [])));
  // Tokens of the pages before this one, so 上一页 works without the API paging backwards.
  const [tokens, setTokens] = useState<(string | undefined)[]>([undefined]);
  const list = useCaseList(filter, tokens[tokens.length - 1]);
  const set = (key: (typeof FILTER_KEYS)[number], value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setTokens([undefined]);
    setParams(next, { replace: true });
  };
  const select = (key: (typeof FILTER_KEYS)[number], label: string, options: { value: string; label: string }[], width = 150) => (
    <Select aria-label={label} placeholder={label} allowClear style={{ minWidth: width }} value={filter[key]} onChange={(value?: string) => set(key, value)} options={options} />
  );
  return (
    <section aria-labelledby="cases-title">
      <Typography.Title level={3} id="cases-title">
        {t('cases.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        {select('type', t('cases.type'), Object.keys(CASE_TYPE_LABELS).map((id) => ({ value: id, label: labelOf(CASE_TYPE_LABELS, id, lang) })))}
        {select('status', t('cases.status'), CASE_STATUSES.map((id) => ({ value: id, label: labelOf(CASE_STATUS_LABELS, id, lang) })))}
        {select('step', t('cases.step'), labelledSteps().map((id) => ({ value: id, label: stepName(id, lang) })), 180)}
        {select('role', t('cases.role'), Object.keys(ROLE_LABELS).filter((id) => id !== 'automatic').map((id) => ({ value: id, label: labelOf(ROLE_LABELS, id, lang) })))}
        <DatePicker.RangePicker
          aria-label={t('cases.range')}
          placeholder={[t('cases.range'), t('cases.range')]}
          value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
          onChange={(values) => {
            const next = new URLSearchParams(params);
            if (values?.[0] && values[1]) {
              next.set('from', values[0].format('YYYY-MM-DD'));
              next.set('to', values[1].format('YYYY-MM-DD'));
            } else {
              next.delete('from');
              next.delete('to');
            }
            setTokens([undefined]);
            setParams(next, { replace: true });
          }}
        />
      </Space>
      {list.error && <Alert type="error" showIcon role="alert" title={t('error.generic', { message: errorText(list.error, lang) })} />}
      {list.data ? <Rows rows={list.data.items} search={false} empty={t('cases.empty')} /> : <Spin />}
      <Space style={{ marginTop: 12 }}>
        <Button disabled={tokens.length === 1} onClick={() => setTokens([undefined])}>
          {t('cases.first')}
        </Button>
        <Button disabled={!list.data?.nextToken} onClick={() => setTokens([...tokens, list.data?.nextToken])}>
          {t('cases.next')}
        </Button>
      </Space>
    </section>
  );
}

export default function CasesPage() {
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  return q === '' ? <FilteredCases /> : <SearchResults key={q} q={q} />;
}
