/**
 * What a step needs, shown in its dialog: packing the items and quantities; dispatch the address,
 * the items and the serial numbers packed; a return's or exchange's verification the reason and the
 * order's items; a complaint its text. Read from the case (`GET /cases/{id}`, the cache the case
 * page and the queue share).
 */
import { Alert, Descriptions } from 'antd';
import { useCase } from '../api/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { addressLine, factLabel, factValue } from './fact-value.tsx';
import { itemsOf, OrderItems, usePackedSerials } from './order-items.tsx';

export function StepContext({ caseId, step }: { caseId: string; step: string }) {
  const { t, lang } = useI18n();
  const view = useCase(caseId);
  const c = view.data;
  const serialsPerItem = usePackedSerials(c);
  if (!c) return null;
  const origin = c.links.find((l) => l.relation === 'originates-from')?.caseId;
  const items = itemsOf(c.data);
  const address = addressLine(c.data.address);
  const packed = [...c.steps].reverse().find((s) => s.step === 'order.pack' && s.status === 'completed');
  const serials = packed?.fields?.serialNumbers;
  const reason = typeof c.data.reason === 'string' ? c.data.reason : undefined;
  const text = typeof c.data.text === 'string' ? c.data.text : undefined;
  const showAddress = step === 'order.dispatch' || step === 'order.pickup';
  const showSerials = step === 'order.dispatch' || step === 'order.crm-bind';
  return (
    <section aria-label={t('dialog.needs')} data-testid="step-context" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={1} title={t('dialog.needs')}>
        {showAddress && address && <Descriptions.Item label={t('case.address')}>{address}</Descriptions.Item>}
        {showSerials && serials !== undefined && <Descriptions.Item label={t('facts.serials')}>{factValue('serialNumbers', serials, lang)}</Descriptions.Item>}
        {reason && <Descriptions.Item label={factLabel('reason', lang)}>{reason}</Descriptions.Item>}
      </Descriptions>
      {text && <Alert type="info" title={factLabel('text', lang)} description={<span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>} style={{ marginBottom: 8 }} />}
      {items.length > 0 ? <OrderItems items={items} serials={showSerials ? serialsPerItem : undefined} /> : origin && <OriginItemsOf caseId={origin} />}
    </section>
  );
}

function OriginItemsOf({ caseId }: { caseId: string }) {
  const origin = useCase(caseId);
  const items = itemsOf(origin.data?.data);
  return items.length > 0 ? <OrderItems items={items} /> : null;
}
