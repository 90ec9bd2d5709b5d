/**
 * An order waiting before packing (pre-sale ship date, or stock for a backorder) and the stock-out
 * tag, as the queue and the case page show them (service-standards.md §12). Words and an icon,
 * never colour alone; the ship date in Beijing time.
 */
import { HourglassOutlined, StopOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { Link } from 'react-router';
import type { QueueItem } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatWeekdayDateTime } from '../time/format.ts';

type Waiting = NonNullable<QueueItem['waiting']>;

/** "预售:12月4日 周五 09:00 起按下单先后发货" / "缺货:BO-PHONE 到货后发货", with "no deadline while waiting". */
export function WaitingNote({ waiting }: { waiting: Waiting }) {
  const { t, lang } = useI18n();
  const reason = waiting.reason === 'presale' ? t('wait.presale', { date: formatWeekdayDateTime(waiting.shipFrom, lang) }) : t('wait.backorder', { skus: waiting.skus.join(', ') });
  return (
    <div data-waiting={waiting.reason} style={{ color: '#434343' }}>
      <div>
        <HourglassOutlined aria-hidden /> {t('wait.label')} · {reason}
      </div>
      <div>{t('wait.noDeadline')}</div>
    </div>
  );
}

/** The red "缺货" tag of an order a stock-out tagged. */
export function StockOutTag() {
  const { t } = useI18n();
  return (
    <Tag color="red" icon={<StopOutlined aria-hidden />} title={t('stock.outTagHint')} data-stock-out="true">
      {t('stock.outTag')}
    </Tag>
  );
}

/** The orders a stock-out listed for ops-cs to reassure (the stock case's `data.openOrders`), each a link to its case. */
export function StockOutOrders({ orders }: { orders: unknown }) {
  const { t, lang } = useI18n();
  const list = Array.isArray(orders) ? (orders as { caseId?: unknown; orderId?: unknown; placedAt?: unknown; units?: unknown }[]).filter((o) => typeof o.caseId === 'string') : [];
  if (list.length === 0) return <span>{t('stock.noOpenOrders')}</span>;
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20 }} data-stock-out-orders="true">
      {list.map((o) => (
        <li key={String(o.caseId)}>
          <Link to={`/cases/${encodeURIComponent(String(o.caseId))}`}>{String(o.orderId ?? o.caseId)}</Link> · {t('stock.placedUnits', { at: formatWeekdayDateTime(String(o.placedAt), lang), units: String(o.units ?? 1) })}
        </li>
      ))}
    </ol>
  );
}
