/** A report's inclusive date range (`YYYY-MM-DD` days of the policy's zone, as the API takes them), labelled 日期范围 / Date range. */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../i18n/i18n.tsx';

export function ReportRange({ from, to, onChange }: { from: string | undefined; to: string | undefined; onChange: (range: [string, string] | undefined) => void }) {
  const { t } = useI18n();
  return (
    <label>
      {t('report.range')}{' '}
      <DatePicker.RangePicker
        aria-label={t('report.range')}
        value={from && to ? [dayjs(from), dayjs(to)] : null}
        onChange={(values) => onChange(values?.[0] && values[1] ? [values[0].format('YYYY-MM-DD'), values[1].format('YYYY-MM-DD')] : undefined)}
        allowClear={false}
      />
    </label>
  );
}
