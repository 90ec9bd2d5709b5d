/** One fact or completion field as a person reads it: labels for known ids, lists and objects spelled out, times in Beijing time. */
import type { ReactNode } from 'react';
import type { Lang } from '../i18n/lang.ts';
import { FACT_LABELS, PAYMENT_LABELS } from '../i18n/fact-labels.ts';
import { FIELD_LABELS, labelOf, OUTCOME_LABELS } from '../i18n/labels.ts';
import { formatWeekdayDateTime } from '../time/format.ts';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A field's name: the step catalogue's label, else the storefront fact's, else the name itself. */
export function factLabel(key: string, lang: Lang): string {
  return FIELD_LABELS[key]?.[lang] ?? FACT_LABELS[key]?.[lang] ?? key;
}

export function factValue(key: string, value: unknown, lang: Lang): ReactNode {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? (lang === 'zh' ? '是' : 'Yes') : lang === 'zh' ? '否' : 'No';
  if (typeof value === 'string') {
    if (key === 'paymentChannel') return labelOf(PAYMENT_LABELS, value, lang);
    if (key === 'remedy') return labelOf(FIELD_LABELS, value, lang);
    if (key === 'outcome') return labelOf(OUTCOME_LABELS, value, lang);
    if (INSTANT.test(value)) return <time dateTime={value}>{formatWeekdayDateTime(value, lang)}</time>;
    return value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return value.map(String).join('、');
    return (
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {value.map((v, i) => (
          <li key={i}>{factValue(key, v, lang)}</li>
        ))}
      </ul>
    );
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${factLabel(k, lang)} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(' · ');
  }
  return String(value);
}

/** An address as one line, whether the storefront sent a line or an object of parts. */
export function addressLine(address: unknown): string | undefined {
  if (typeof address === 'string') return address;
  if (address !== null && typeof address === 'object') return Object.values(address as Record<string, unknown>).filter((v) => typeof v === 'string' || typeof v === 'number').join(' ');
  return undefined;
}
