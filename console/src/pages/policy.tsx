/**
 * The operator's read-only view of the policy in force (`GET /policy`): each role's shifts as a
 * week chart, a year of working days with holidays and 调休 marked (and a warning for a year
 * without holiday data), the pickup batches, and every step's deadline rule in words.
 */
import { WarningOutlined } from '@ant-design/icons';
import { Alert, Card, InputNumber, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { usePolicy } from '../api/queries.ts';
import type { PolicyView } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { labelOf, ROLE_LABELS, stepName } from '../i18n/labels.ts';
import { weekdayName } from '../time/format.ts';

const WEEKDAY_INDEX = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } as const;
const DAY_STYLE: Record<PolicyView['workingDays']['days'][number]['kind'], { background: string; color: string; mark: string }> = {
  workday: { background: '#f0f5ff', color: '#10239e', mark: '' },
  weekend: { background: '#fafafa', color: '#595959', mark: '' },
  holiday: { background: '#fff1f0', color: '#a8071a', mark: '休' },
  'adjusted-workday': { background: '#fff7e6', color: '#7c4a00', mark: '班' },
};

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export default function PolicyPage() {
  const { t, lang } = useI18n();
  const [year, setYear] = useState<number>();
  const policy = usePolicy(year);
  if (policy.isLoading) return <Spin />;
  if (policy.error || !policy.data) return <Alert type="error" showIcon role="alert" title={t('policy.unavailable')} description={policy.error?.message} />;
  const p = policy.data;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('policy.title')}
      </Typography.Title>
      <Card title={t('policy.shifts')}>
        <WeekChart policy={p} />
      </Card>
      <Card
        title={t('policy.calendar', { year: p.workingDays.year })}
        extra={<InputNumber aria-label={t('policy.calendar', { year: '' })} min={2000} max={2100} value={p.workingDays.year} onChange={(value) => setYear(value ?? undefined)} />}
      >
        {!p.workingDays.holidayData && <Alert type="warning" showIcon icon={<WarningOutlined />} role="alert" title={t('policy.noHolidayData', { year: p.workingDays.year })} style={{ marginBottom: 16 }} />}
        <Space wrap style={{ marginBottom: 8 }}>
          {(['workday', 'weekend', 'holiday', 'adjusted-workday'] as const).map((kind) => (
            <Tag key={kind} style={{ background: DAY_STYLE[kind].background, color: DAY_STYLE[kind].color }}>
              {DAY_STYLE[kind].mark} {t(kind === 'workday' ? 'policy.workday' : kind === 'weekend' ? 'policy.restday' : kind === 'holiday' ? 'policy.holiday' : 'policy.adjusted')}
            </Tag>
          ))}
        </Space>
        <YearCalendar days={p.workingDays.days} />
      </Card>
      <Card title={t('policy.pickups')}>
        <ul>
          {p.pickup.batches.map((batch) => (
            <li key={batch.at}>{t('policy.batchAt', { at: batch.at, before: batch.ordersBefore })}</li>
          ))}
        </ul>
        <Typography.Paragraph>{t('policy.lead', { minutes: p.pickup.leadMinutes })}</Typography.Paragraph>
        <Typography.Paragraph>
          {t('policy.shares')}:{' '}
          {Object.entries(p.pickup.stepShares)
            .map(([step, minutes]) => `${stepName(step, lang)} ${minutes}`)
            .join(' · ')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('policy.rules')}>
        <Table<PolicyView['steps'][number]>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={p.steps}
          columns={[
            { title: t('queue.step'), key: 'step', render: (_, s) => `${s.label[lang]} ${s.id}` },
            { title: t('queue.role'), key: 'role', render: (_, s) => labelOf(ROLE_LABELS, s.role, lang) },
            { title: t('policy.rules'), key: 'rule', render: (_, s) => s.ruleText[lang] },
          ]}
        />
      </Card>
    </Space>
  );
}

/** Each role's shifts across the week as bars on a 24-hour axis (the times are also written out). */
function WeekChart({ policy }: { policy: PolicyView }) {
  const { lang } = useI18n();
  return (
    <div role="table" aria-label="shifts">
      {policy.roles.map((role) => (
        <div key={role.id} role="row" style={{ display: 'grid', gridTemplateColumns: '160px repeat(7, 1fr)', gap: 4, marginBottom: 4, alignItems: 'center' }}>
          <span role="rowheader">{role.name[lang]}</span>
          {role.week.map((day) => (
            <div key={day.weekday} role="cell" title={`${weekdayName(WEEKDAY_INDEX[day.weekday], lang)} ${day.shifts.map((s) => `${s.from}–${s.to}`).join(', ')}`} style={{ position: 'relative', height: 28, background: '#f5f5f5', borderRadius: 2 }}>
              {day.shifts.map((shift) => {
                const from = minutesOf(shift.from);
                const to = shift.overnight ? 1440 : minutesOf(shift.to);
                return (
                  <div key={shift.from} style={{ position: 'absolute', left: `${(from / 1440) * 100}%`, width: `${((to - from) / 1440) * 100}%`, top: 2, bottom: 2, background: '#1677ff', borderRadius: 2 }} />
                );
              })}
              <span style={{ position: 'absolute', inset: 0, fontSize: 11, display: 'grid', placeItems: 'center', color: '#000', textShadow: '0 0 2px #fff' }}>
                {weekdayName(WEEKDAY_INDEX[day.weekday], lang)} {day.shifts.map((s) => `${s.from}–${s.to}`).join(' ')}
              </span>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

/** Twelve small months; holidays (休) and adjusted working days (调休, 班) marked with a letter as well as a colour. */
function YearCalendar({ days }: { days: PolicyView['workingDays']['days'] }) {
  const { lang } = useI18n();
  const months = Array.from({ length: 12 }, (_, i) => days.filter((d) => Number(d.date.slice(5, 7)) === i + 1));
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(210px, 1fr))', gap: 12 }}>
      {months.map((month, i) => (
        <figure key={i} style={{ margin: 0 }}>
          <figcaption style={{ fontWeight: 600 }}>{lang === 'zh' ? `${i + 1} 月` : new Date(2000, i, 1).toLocaleString('en', { month: 'long' })}</figcaption>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, fontSize: 11 }}>
            {Array.from({ length: WEEKDAY_INDEX[month[0]?.weekday ?? 'sun'] }, (_, k) => (
              <span key={`pad-${k}`} />
            ))}
            {month.map((day) => {
              const style = DAY_STYLE[day.kind];
              return (
                <span key={day.date} title={`${day.date} ${day.name ?? ''}`} data-kind={day.kind} style={{ background: style.background, color: style.color, textAlign: 'center', borderRadius: 2 }}>
                  {Number(day.date.slice(8))}
                  {style.mark && <sup>{style.mark}</sup>}
                </span>
              );
            })}
          </div>
        </figure>
      ))}
    </div>
  );
}
