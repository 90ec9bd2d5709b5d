/**
 * The dispatch dialog's carrier: a choice of the policy's carriers (GET /policy `carriers`,
 * service-standards.md §12), named in the console's language with the insured mark, the policy's
 * default chosen already. The API refuses any other courier (400 naming `fields.carrier`).
 */
import { Form, Select } from 'antd';
import { usePolicy } from '../api/queries.ts';
import type { PolicyView } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Lang } from '../i18n/lang.ts';
import { word } from '../i18n/standard-words.ts';

type Carrier = PolicyView['carriers'][number];

/** "顺丰速运 (SF) · 默认 · 保价". */
export function carrierText(carrier: Carrier, lang: Lang): string {
  return [`${carrier.label[lang]} (${carrier.id})`, ...(carrier.default ? [word('carrier.default', lang)] : []), ...(carrier.insured ? [word('carrier.insured', lang)] : [])].join(' · ');
}

export function CarrierField({ error }: { error: string | undefined }) {
  const { lang } = useI18n();
  const carriers = usePolicy(undefined).data?.carriers ?? [];
  const label = `${word('carrier.label', lang)} (carrier)`;
  const initial = carriers.find((c) => c.default)?.id;
  return (
    // Keyed by the default so that the preselection appears once the policy has loaded.
    <Form.Item key={initial ?? 'loading'} label={label} name={['fields', 'carrier']} required initialValue={initial} validateStatus={error ? 'error' : undefined} help={error}>
      <Select aria-label={label} loading={carriers.length === 0} options={carriers.map((c) => ({ value: c.id, label: carrierText(c, lang) }))} />
    </Form.Item>
  );
}
