/** What staff typed when completing a step (its outcome and fields: serials, invoice, carrier and tracking number, remedy, ...), labelled. */
import { Descriptions } from 'antd';
import type { StepView } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { factLabel, factValue } from './fact-value.tsx';

/** `omit`: fields another component shows in its own words (a checklist, the carrier). */
export function StepFields({ step, omit = [] }: { step: StepView; omit?: readonly string[] }) {
  const { t, lang } = useI18n();
  const fields = Object.entries(step.fields ?? {}).filter(([key]) => !omit.includes(key));
  if (fields.length === 0 && !step.outcome) return null;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} title={t('facts.typed')} style={{ marginBottom: 8 }} data-testid={`fields-${step.step}`}>
      {step.outcome && <Descriptions.Item label={t('case.outcome')}>{factValue('outcome', step.outcome, lang)}</Descriptions.Item>}
      {fields.map(([key, value]) => (
        <Descriptions.Item key={key} label={factLabel(key, lang)}>
          {factValue(key, value, lang)}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
