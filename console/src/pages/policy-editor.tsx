/**
 * The operator's policy editor (issue 25, docs/policy.md "Versions"): a draft of the version in
 * force — each role's shifts on a week chart, the holiday schedule imported from the State
 * Council's notice, pickup batches and escalation, every step's rule and warning, the alarm
 * channels and routes, the assessment's weights and targets, and the document as JSON (advanced)
 * for the rest — previewed against the open work
 * (`POST /policy/preview`), published with a reason (`POST /policy/versions`), and the version list
 * with diffs and rollback. The API validates; its errors are shown next to the field they name.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Collapse, Input, InputNumber, Radio, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { importHolidaySchedule, mergeSchedule, type HolidayEntry } from '../../../core/policy-versions/holiday-import.ts';
import type { PolicyChange } from '../../../core/policy-versions/diff.ts';
import type { PolicyPreviewBody, PublishResultBody, VersionDiff, VersionList } from '../../../functions/staff-api/policy-version-schemas.ts';
import { ApiError, getJson, postJson } from '../api/client.ts';
import type { ApiFieldIssue } from '../api/error-words.ts';
import { usePolicy } from '../api/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { labelOf, ROLE_LABELS, stepName } from '../i18n/labels.ts';
import { formatDateTime, weekdayName, zoneDay } from '../time/format.ts';
import type { PolicyInput } from '../../../policy/schema.ts';
import { AlarmsForm } from './policy-editor/alarms-form.tsx';
import { AssessmentForm } from './policy-editor/assessment-form.tsx';
import { docPath } from './policy-editor/field-errors.tsx';
import { StepsForm } from './policy-editor/steps-form.tsx';

interface ShiftDraft {
  from: string;
  to: string;
  days?: string[];
}
interface Draft {
  roles: Record<string, { label: string; shifts: ShiftDraft[] } & Record<string, unknown>>;
  workingDays: { holidays?: HolidayEntry[]; adjustedWorkdays?: HolidayEntry[] } & Record<string, unknown>;
  [key: string]: unknown;
}

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const WEEKDAY_INDEX = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } as const;

export default function PolicyEditorPage() {
  const { t } = useI18n();
  const versions = useQuery({ queryKey: ['policy-versions'], queryFn: () => getJson<VersionList>('/policy/versions') });
  const current = versions.data?.current ?? undefined;
  const doc = useQuery({ queryKey: ['policy-version', current], queryFn: () => getJson<{ document: Draft }>(`/policy/versions/${current}`), enabled: current !== undefined });
  if (versions.error) return <Alert type="error" showIcon role="alert" title={t('policy.unavailable')} description={versions.error.message} />;
  if (!versions.data || !doc.data) return <Spin />;
  // A new version in force starts a new draft from it.
  return <DraftEditor key={current} versions={versions.data} current={current} document={doc.data.document} />;
}

function DraftEditor({ versions, current, document }: { versions: VersionList; current: number | undefined; document: Draft }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => structuredClone(document));
  const basedOn = current;
  const [issues, setIssues] = useState<ApiFieldIssue[]>([]);
  const [preview, setPreview] = useState<PolicyPreviewBody>();
  const [reason, setReason] = useState('');
  const [openSteps, setOpenSteps] = useState<'keep' | 'recompute'>('keep');

  const onError = (error: Error) => {
    if (error instanceof ApiError && error.issues.length > 0) setIssues([...error.issues]);
    else void message.error(t('error.generic', { message: error.message }));
  };
  const previewing = useMutation({
    mutationFn: (document: Draft) => postJson<PolicyPreviewBody>('/policy/preview', { document }),
    onSuccess: (result) => {
      setIssues([]);
      setPreview(result);
    },
    onError,
  });
  const publishing = useMutation({
    mutationFn: (body: Record<string, unknown>) => postJson<PublishResultBody>('/policy/versions', body),
    onSuccess: async (result) => {
      setIssues([]);
      setPreview(undefined);
      setReason('');
      void message.success(t('pe.published', { version: result.version.version, moved: result.moved.length }));
      await Promise.all([client.invalidateQueries({ queryKey: ['policy-versions'] }), client.invalidateQueries({ queryKey: ['policy'] })]);
    },
    onError,
  });

  const change = (next: Draft) => {
    setDraft(next);
    setPreview(undefined);
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('pe.title', { version: current ?? '-' })}
      </Typography.Title>
      <ShiftsEditor draft={draft} onChange={change} issues={issues} />
      <HolidayImport draft={draft} onChange={change} />
      <PickupAndEscalation draft={draft} onChange={change} issues={issues} />
      <Card title={t('pf.steps')}>
        <StepsForm steps={draft.steps as PolicyInput['steps']} roles={Object.keys(draft.roles)} issues={issues} onChange={(steps) => change({ ...draft, steps })} />
      </Card>
      <AlarmsForm alarms={draft.alarms as PolicyInput['alarms']} roles={Object.keys(draft.roles)} steps={Object.keys(draft.steps as object)} issues={issues} onChange={(alarms) => change({ ...draft, alarms })} />
      <AssessmentForm assessment={draft.assessment as PolicyInput['assessment']} issues={issues} onChange={(assessment) => change({ ...draft, assessment })} />
      <Collapse items={[{ key: 'json', label: t('pf.advanced'), children: <DocumentEditor key={JSON.stringify(draft)} draft={draft} onChange={change} issues={issues} /> }]} />
      {issues.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('pe.errors')}
          description={
            <ul style={{ margin: 0 }}>
              {issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  <code>{docPath(issue) || 'document'}</code>: {issue.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Card title={t('pe.preview')}>
        <Button onClick={() => previewing.mutate(draft)} loading={previewing.isPending}>
          {t('pe.preview')}
        </Button>
        {preview && <PreviewResult preview={preview} lang={lang} />}
      </Card>
      <Card title={t('pe.publish')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input aria-label={t('pe.reason')} placeholder={t('pe.reason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          <Radio.Group value={openSteps} onChange={(e) => setOpenSteps(e.target.value as 'keep' | 'recompute')}>
            <Radio value="keep">{t('pe.keep')}</Radio>
            <Radio value="recompute">{t('pe.recompute')}</Radio>
          </Radio.Group>
          <Button type="primary" disabled={reason.trim() === ''} loading={publishing.isPending} onClick={() => publishing.mutate({ document: draft, reason, openSteps, ...(basedOn !== undefined ? { basedOn } : {}) })}>
            {t('pe.publish')}
          </Button>
        </Space>
      </Card>
      <VersionsCard list={versions} onRollback={(version) => publishing.mutate({ from: version, reason: t('pe.rollbackReason', { version }), openSteps: 'keep', ...(current !== undefined ? { basedOn: current } : {}) })} />
    </Space>
  );
}

/** A role's shifts: a week chart of the draft, and each shift's times and weekdays, with the API's errors under the shift they name. */
function ShiftsEditor({ draft, onChange, issues }: { draft: Draft; onChange: (d: Draft) => void; issues: ApiFieldIssue[] }) {
  const { t, lang } = useI18n();
  const roleIds = Object.keys(draft.roles);
  const [role, setRole] = useState(roleIds[0] ?? '');
  const shifts = draft.roles[role]?.shifts ?? [];
  const setShifts = (next: ShiftDraft[]) => onChange({ ...draft, roles: { ...draft.roles, [role]: { ...draft.roles[role]!, shifts: next } } });
  const update = (i: number, patch: Partial<ShiftDraft>) => setShifts(shifts.map((s, k) => (k === i ? withDays({ ...s, ...patch }) : s)));
  const issuesOf = (i: number) => issues.filter((issue) => docPath(issue).startsWith(`roles[${JSON.stringify(role)}].shifts[${i}]`) || docPath(issue).startsWith(`roles.${role}.shifts[${i}]`));
  return (
    <Card title={t('pe.shifts')} extra={<Select aria-label={t('pe.role')} value={role} onChange={setRole} style={{ width: 200 }} options={roleIds.map((id) => ({ value: id, label: labelOf(ROLE_LABELS, id, lang) }))} />}>
      <div role="table" aria-label={t('pe.shifts')} style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 4, marginBottom: 16 }}>
        {WEEK.map((day) => {
          const today = shifts.filter((s) => s.days === undefined || s.days.length === 0 || s.days.includes(day));
          return (
            <div key={day} role="cell" data-weekday={day} style={{ background: '#f5f5f5', borderRadius: 2, padding: 4, minHeight: 48, fontSize: 12 }}>
              <strong>{weekdayName(WEEKDAY_INDEX[day], lang)}</strong>
              {today.map((s, k) => (
                <div key={k} style={{ background: '#0958d9', color: '#fff', borderRadius: 2, marginTop: 2, padding: '0 4px' }}>
                  {s.from}–{s.to}
                </div>
              ))}
            </div>
          );
        })}
      </div>
      {shifts.map((shift, i) => {
        const n = i + 1;
        const errors = issuesOf(i);
        return (
          <div key={i} style={{ marginBottom: 8 }}>
            <Space wrap>
              <span>{t('pe.shift', { n })}</span>
              <Input aria-label={t('pe.from', { n })} value={shift.from} onChange={(e) => update(i, { from: e.target.value })} style={{ width: 90 }} status={errors.length ? 'error' : undefined} />
              <Input aria-label={t('pe.to', { n })} value={shift.to} onChange={(e) => update(i, { to: e.target.value })} style={{ width: 90 }} status={errors.length ? 'error' : undefined} />
              <Checkbox.Group aria-label={t('pe.days', { n })} value={shift.days ?? []} onChange={(days) => update(i, { days: days as string[] })} options={WEEK.map((d) => ({ value: d, label: weekdayName(WEEKDAY_INDEX[d], lang) }))} />
              <Typography.Text type="secondary">{t('pe.everyDay')}</Typography.Text>
              <Button danger size="small" aria-label={t('pe.removeShift', { n })} onClick={() => setShifts(shifts.filter((_, k) => k !== i))}>
                ×
              </Button>
            </Space>
            {errors.map((e) => (
              <div key={e.message} role="alert" data-field={`shifts[${i}]`} style={{ color: '#a8071a' }}>
                {e.message}
              </div>
            ))}
          </div>
        );
      })}
      <Button onClick={() => setShifts([...shifts, { from: '09:00', to: '17:00', days: [] }])}>{t('pe.addShift')}</Button>
    </Card>
  );
}

interface BatchDraft {
  at: string;
  ordersBefore: string;
}

/** The courier's pickup batches and cut-offs (service-standards.md §2), and the escalation levels in order (§9). */
function PickupAndEscalation({ draft, onChange, issues }: { draft: Draft; onChange: (d: Draft) => void; issues: ApiFieldIssue[] }) {
  const { t, lang } = useI18n();
  const pickup = (draft.pickup ?? {}) as { batches?: BatchDraft[] } & Record<string, unknown>;
  const batches = pickup.batches ?? [];
  const setBatches = (next: BatchDraft[]) => onChange({ ...draft, pickup: { ...pickup, batches: next } });
  const escalation = (draft.escalation ?? {}) as { levels?: string[] };
  return (
    <Card title={t('pe.pickupEscalation')}>
      {batches.map((batch, i) => {
        const n = i + 1;
        const errors = issues.filter((issue) => docPath(issue).startsWith(`pickup.batches[${i}]`));
        return (
          <div key={i} style={{ marginBottom: 8 }}>
            <Space wrap>
              <span>{t('pe.batch', { n })}</span>
              <Input aria-label={t('pe.batchAt', { n })} addonBefore={t('pe.at')} value={batch.at} onChange={(e) => setBatches(batches.map((b, k) => (k === i ? { ...b, at: e.target.value } : b)))} style={{ width: 150 }} />
              <Input aria-label={t('pe.batchCutoff', { n })} addonBefore={t('pe.cutoff')} value={batch.ordersBefore} onChange={(e) => setBatches(batches.map((b, k) => (k === i ? { ...b, ordersBefore: e.target.value } : b)))} style={{ width: 170 }} />
              <Button danger size="small" aria-label={t('pe.removeBatch', { n })} onClick={() => setBatches(batches.filter((_, k) => k !== i))}>
                ×
              </Button>
            </Space>
            {errors.map((e) => (
              <div key={e.message} role="alert" data-field={`pickup.batches[${i}]`} style={{ color: '#a8071a' }}>
                {e.message}
              </div>
            ))}
          </div>
        );
      })}
      <Button onClick={() => setBatches([...batches, { at: '17:00', ordersBefore: '17:00' }])}>{t('pe.addBatch')}</Button>
      <div style={{ marginTop: 16 }}>
        <Space wrap>
          <span>{t('pe.escalation')}</span>
          <Select
            mode="multiple"
            aria-label={t('pe.escalation')}
            style={{ minWidth: 300 }}
            value={escalation.levels ?? []}
            onChange={(levels: string[]) => onChange({ ...draft, escalation: { ...escalation, levels } })}
            options={Object.keys(draft.roles).map((id) => ({ value: id, label: labelOf(ROLE_LABELS, id, lang) }))}
          />
        </Space>
        {issues
          .filter((issue) => docPath(issue).startsWith('escalation'))
          .map((e) => (
            <div key={e.message} role="alert" data-field="escalation" style={{ color: '#a8071a' }}>
              {e.message}
            </div>
          ))}
      </div>
    </Card>
  );
}

/** No weekday ticked means every day: the policy leaves `days` out then. */
function withDays(shift: ShiftDraft): ShiftDraft {
  const { days, ...rest } = shift;
  return days && days.length > 0 ? { ...rest, days: WEEK.filter((d) => days.includes(d)) } : rest;
}

/** The State Council's yearly notice pasted in; from 1 November, a warning while next year has no data. */
function HolidayImport({ draft, onChange }: { draft: Draft; onChange: (d: Draft) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [today] = useState(() => zoneDay(Date.now()));
  const thisYear = Number(today.slice(0, 4));
  const lateInYear = Number(today.slice(5, 7)) >= 11;
  const nextYear = usePolicy(thisYear + 1, { enabled: lateInYear });
  const [year, setYear] = useState(lateInYear ? thisYear + 1 : thisYear);
  const [text, setText] = useState('');
  const draftHasNextYear = (draft.workingDays.holidays ?? []).some((h) => h.date.startsWith(String(thisYear + 1)));
  const warn = lateInYear && nextYear.data !== undefined && !nextYear.data.workingDays.holidayData && !draftHasNextYear;
  const importIt = () => {
    try {
      const schedule = importHolidaySchedule(text, year);
      onChange({ ...draft, workingDays: mergeSchedule(draft.workingDays, schedule) });
      void message.success(t('pe.imported', { holidays: schedule.holidays.length, workdays: schedule.adjustedWorkdays.length }));
      setText('');
    } catch (error) {
      void message.error((error as Error).message);
    }
  };
  return (
    <Card title={t('pe.holidays')}>
      {warn && <Alert type="warning" showIcon role="alert" title={t('pe.noNextYear', { year: thisYear + 1 })} style={{ marginBottom: 12 }} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t('pe.entries', { holidays: draft.workingDays.holidays?.length ?? 0, workdays: draft.workingDays.adjustedWorkdays?.length ?? 0 })}</Typography.Text>
        <Space>
          <span>{t('pe.importYear')}</span>
          <InputNumber aria-label={t('pe.importYear')} min={2000} max={2100} value={year} onChange={(v) => setYear(v ?? year)} />
        </Space>
        <Input.TextArea aria-label={t('pe.importText')} placeholder={t('pe.importText')} rows={4} value={text} onChange={(e) => setText(e.target.value)} />
        <Button onClick={importIt} disabled={text.trim() === ''}>
          {t('pe.import')}
        </Button>
      </Space>
    </Card>
  );
}

/** Everything else as JSON; a parse error stays here, a schema error comes back from the API. */
function DocumentEditor({ draft, onChange, issues }: { draft: Draft; onChange: (d: Draft) => void; issues: ApiFieldIssue[] }) {
  const { t } = useI18n();
  // Remounted (key) whenever the draft changes elsewhere, so the text starts from it.
  const [text, setText] = useState(() => JSON.stringify(draft, null, 2));
  const [parseError, setParseError] = useState<string>();
  // Issues a form above shows next to its field do not mark the JSON.
  const other = issues.filter((i) => !/^(roles(\[|\.)[^\]]*\]?\.shifts|pickup\.batches|escalation|steps|alarms|assessment\.(weights|targets))/.test(docPath(i)));
  return (
    <Card title={t('pe.document')} size="small">
      <Input.TextArea
        aria-label={t('pe.document')}
        rows={12}
        value={text}
        status={parseError || other.length ? 'error' : undefined}
        style={{ fontFamily: 'monospace', fontSize: 12 }}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          try {
            const parsed = JSON.parse(text) as Draft;
            setParseError(undefined);
            if (JSON.stringify(parsed) !== JSON.stringify(draft)) onChange(parsed);
          } catch (error) {
            setParseError((error as Error).message);
          }
        }}
      />
      {parseError && (
        <div role="alert" style={{ color: '#a8071a' }}>
          {t('pe.badJson', { message: parseError })}
        </div>
      )}
    </Card>
  );
}

function PreviewResult({ preview, lang }: { preview: PolicyPreviewBody; lang: 'zh' | 'en' }) {
  const { t } = useI18n();
  const pct = (n: number | null) => (n === null ? '—' : `${n}%`);
  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
      <Typography.Text data-testid="preview-summary">
        {t('pe.previewSummary', { open: preview.summary.open, moved: preview.summary.moved, earlier: preview.summary.earlier, later: preview.summary.later, breaches: preview.summary.breachesAtOnce, kept: preview.summary.kept })}
      </Typography.Text>
      <Typography.Text>{t('pe.onTime', { from: preview.onTime.from, to: preview.onTime.to, steps: preview.onTime.steps, current: pct(preview.onTime.current), draft: pct(preview.onTime.draft) })}</Typography.Text>
      {preview.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} />
      ))}
      <Table<PolicyPreviewBody['steps'][number]>
        size="small"
        pagination={false}
        rowKey={(s) => `${s.caseId}#${s.step}#${s.attempt}`}
        dataSource={preview.steps}
        columns={[
          { title: t('pe.case'), dataIndex: 'caseId' },
          { title: t('pe.step'), key: 'step', render: (_, s) => stepName(s.step, lang) },
          { title: t('pe.dueBefore'), key: 'before', render: (_, s) => formatDateTime(s.dueBefore) },
          { title: t('pe.dueAfter'), key: 'after', render: (_, s) => formatDateTime(s.dueAfter) },
          { title: t('pe.moved'), dataIndex: 'movedMinutes' },
          { title: t('pe.breachNow'), key: 'breach', render: (_, s) => (s.breachesAtOnce ? <Tag color="red">{t('pe.breachNow')}</Tag> : null) },
        ]}
      />
    </Space>
  );
}

function VersionsCard({ list, onRollback }: { list: VersionList | undefined; onRollback: (version: number) => void }) {
  const { t } = useI18n();
  const [diff, setDiff] = useState<VersionDiff>();
  const showDiff = async (version: number) => setDiff(await getJson<VersionDiff>(`/policy/versions/${version}/diff`));
  return (
    <Card title={t('pe.versions')}>
      <Table<VersionList['versions'][number]>
        size="small"
        pagination={false}
        rowKey="version"
        dataSource={list?.versions ?? []}
        columns={[
          { title: t('pe.version'), dataIndex: 'version' },
          { title: t('pe.at'), key: 'at', render: (_, v) => formatDateTime(v.createdAt) },
          { title: t('pe.author'), dataIndex: 'author' },
          { title: t('pe.source'), key: 'source', render: (_, v) => t(`pe.source.${v.source}`) },
          { title: t('pe.reason'), dataIndex: 'reason' },
          {
            title: '',
            key: 'actions',
            render: (_, v) => (
              <Space>
                {v.version > 1 && <Button size="small" onClick={() => void showDiff(v.version)}>{t('pe.diff')}</Button>}
                {v.version !== list?.current && <Button size="small" onClick={() => onRollback(v.version)}>{t('pe.rollback')}</Button>}
              </Space>
            ),
          },
        ]}
      />
      {diff && (
        <div aria-label="diff" style={{ marginTop: 12 }}>
          <Typography.Text strong>
            {diff.from} → {diff.to}
          </Typography.Text>
          {diff.changes.length === 0 ? (
            <div>{t('pe.noChanges')}</div>
          ) : (
            <ul>
              {diff.changes.map((c: PolicyChange) => (
                <li key={c.path}>
                  <code>{c.path}</code> {c.kind}: {JSON.stringify(c.before) ?? ''} → {JSON.stringify(c.after) ?? ''}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Card>
  );
}
