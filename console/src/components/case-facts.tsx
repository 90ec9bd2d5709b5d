/**
 * The case's facts as the storefront sent them and staff need them: the customer (phone masked,
 * with 拨打 / reveal for whoever must call), the address, the payment channel's name, a request's
 * reason, a complaint's text, every other fact labelled, and the items with their quantities. A
 * return or exchange shows the items of the order it came from.
 */
import { Card, Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { useCase } from '../api/queries.ts';
import type { CaseView } from '../api/types.ts';
import { currentSession } from '../auth/session.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { CASE_TYPE_LABELS, labelOf, STATUS_LABELS } from '../i18n/labels.ts';
import { formatWeekdayDateTime } from '../time/format.ts';
import { addressLine, factLabel, factValue } from './fact-value.tsx';
import { itemsOf, OrderItems, usePackedSerials } from './order-items.tsx';
import { RevealPhone } from './reveal-phone.tsx';

/** Facts drawn in their own place, not in the generic list. */
const DRAWN = new Set(['customer', 'address', 'items', 'orderId', 'reason', 'text']);
const ACTIVE = new Set(['open', 'warned', 'breached', 'paused']);

export function canRevealPhone(c: CaseView, roles: readonly string[]): boolean {
  return roles.includes('supervisor') || c.steps.some((s) => ACTIVE.has(s.status) && roles.includes(s.role));
}

export function CaseFacts({ c, extra }: { c: CaseView; extra?: ReactNode }) {
  const { t, lang } = useI18n();
  const data = c.data;
  const customer = (data.customer ?? {}) as { name?: string; phone?: string };
  const address = addressLine(data.address);
  const items = itemsOf(data);
  const serials = usePackedSerials(c);
  const origin = c.links.find((l) => l.relation === 'originates-from')?.caseId;
  const others = Object.entries(data).filter(([key, value]) => !DRAWN.has(key) && (typeof value !== 'object' || value === null));
  return (
    <Card title={t('case.facts')}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('case.type')}>{labelOf(CASE_TYPE_LABELS, c.type, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('case.status')}>{labelOf(STATUS_LABELS, c.status, lang)}</Descriptions.Item>
        {c.orderId && <Descriptions.Item label={t('case.order')}>{c.orderId}</Descriptions.Item>}
        <Descriptions.Item label={t('case.opened')}>{formatWeekdayDateTime(c.openedAt, lang)}</Descriptions.Item>
        {customer.name && <Descriptions.Item label={t('case.customer')}>{customer.name}</Descriptions.Item>}
        {customer.phone && (
          <Descriptions.Item label={t('case.phone')}>
            <RevealPhone caseId={c.id} masked={customer.phone} canReveal={canRevealPhone(c, currentSession()?.roles ?? [])} />
          </Descriptions.Item>
        )}
        {address && <Descriptions.Item label={t('case.address')}>{address}</Descriptions.Item>}
        {typeof data.reason === 'string' && (
          <Descriptions.Item label={factLabel('reason', lang)} span={2}>
            <strong>{data.reason}</strong>
          </Descriptions.Item>
        )}
        {typeof data.text === 'string' && (
          <Descriptions.Item label={factLabel('text', lang)} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{data.text}</span>
          </Descriptions.Item>
        )}
        {others.map(([key, value]) => (
          <Descriptions.Item key={key} label={key === 'paymentChannel' ? t('case.payment') : factLabel(key, lang)}>
            {factValue(key, value, lang)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {items.length > 0 ? <OrderItems items={items} serials={serials} /> : origin && <OriginItems caseId={origin} />}
      {extra}
    </Card>
  );
}

/** The items of the order a return or exchange came from. */
function OriginItems({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const origin = useCase(caseId);
  const items = itemsOf(origin.data?.data);
  if (items.length === 0) return null;
  return (
    <section aria-label={t('facts.orderItems')}>
      <div style={{ margin: '8px 0 4px', fontWeight: 600 }}>{t('facts.orderItems')}</div>
      <OrderItems items={items} />
    </section>
  );
}
