/**
 * Every step's rule and warning as a table (issue 25; docs/policy.md "Rule kinds"): the step's name,
 * its role, the rule's kind with that kind's own fields, the warning and the description. The kinds
 * and their fields come from policy/schema.ts itself; a `by-fact` rule edits each case's rule. The
 * API's errors appear in the cell of the field they name.
 */
import { Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { policySchema, type PolicyInput } from '../../../../policy/schema.ts';
import type { ApiFieldIssue } from '../../api/error-words.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf, ROLE_LABELS, stepName } from '../../i18n/labels.ts';
import { RULE_KIND_LABELS, RULE_FIELD_LABELS, WARN_KIND_LABELS } from '../../i18n/messages-policy-forms.ts';
import { FieldErrors, keyPath } from './field-errors.tsx';

type StepInput = PolicyInput['steps'][string];
type RuleInput = StepInput['rule'];
type PlainRule = Exclude<RuleInput, { kind: 'by-fact' }>;
type WarnInput = NonNullable<StepInput['warn']>;

const STEP_SCHEMA = policySchema.shape.steps.valueType;
/** The plain rule kinds and each one's fields (besides `kind`), optional ones marked, straight from the schema. */
export const PLAIN_RULES = STEP_SCHEMA.shape.rule.options[1].options.map((option) => ({
  kind: option.shape.kind.value as PlainRule['kind'],
  fields: Object.entries(option.shape as Record<string, { safeParse: (v: unknown) => { success: boolean } }>)
    .filter(([name]) => name !== 'kind')
    .map(([name, schema]) => ({ name, optional: schema.safeParse(undefined).success })),
}));
const WARN_KINDS = STEP_SCHEMA.shape.warn.unwrap().options.map((o) => o.shape.kind.value);
/** Fields counted in whole numbers (minutes, working days); the others are times "HH:MM". */
const NUMBER_FIELDS = new Set(['minutes', 'days']);
/** What a new rule of a kind starts with: the values most steps of the shipped policy use. */
const FIELD_START: Record<string, number | string> = { minutes: 30, days: 1, offDutyBy: '09:00', at: '17:00' };

export function StepsForm({ steps, roles, issues, onChange }: { steps: Record<string, StepInput>; roles: string[]; issues: readonly ApiFieldIssue[]; onChange: (steps: Record<string, StepInput>) => void }) {
  const { t, lang } = useI18n();
  const rows = useMemo(() => Object.keys(steps).map((id) => ({ id })), [steps]);
  const set = (id: string, patch: Partial<StepInput>) => onChange({ ...steps, [id]: { ...steps[id]!, ...patch } as StepInput });
  const roleOptions = [...roles, 'automatic'].map((id) => ({ value: id, label: labelOf(ROLE_LABELS, id, lang) }));
  return (
    <Table<{ id: string }>
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={rows}
      scroll={{ x: 1100 }}
      columns={[
        {
          title: t('pf.step'),
          key: 'step',
          width: 170,
          render: (_, { id }) => (
            <Space orientation="vertical" size={0}>
              <span>{stepName(id, lang)}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {id}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t('pf.role'),
          key: 'role',
          width: 150,
          render: (_, { id }) => (
            <>
              <Select aria-label={t('pf.roleOf', { step: stepName(id, lang) })} value={steps[id]!.role} onChange={(role: string) => set(id, { role })} options={roleOptions} style={{ width: 140 }} />
              <FieldErrors issues={issues} path={`steps${keyPath(id)}.role`} />
            </>
          ),
        },
        {
          title: t('pf.rule'),
          key: 'rule',
          render: (_, { id }) => {
            const step = steps[id]!;
            const name = stepName(id, lang);
            const path = `steps${keyPath(id)}.rule`;
            if (step.rule.kind !== 'by-fact') {
              return <PlainRuleInputs rule={step.rule} label={name} path={path} issues={issues} onChange={(rule) => set(id, { rule })} />;
            }
            const byFact = step.rule;
            return (
              <Space orientation="vertical" size={4}>
                <Typography.Text type="secondary">{t('pf.byFact', { fact: byFact.fact, fallback: byFact.default ?? '—' })}</Typography.Text>
                {Object.entries(byFact.cases).map(([value, rule]) => (
                  <Space key={value} align="start">
                    <Typography.Text code>{value}</Typography.Text>
                    <PlainRuleInputs
                      rule={rule}
                      label={`${name} ${value}`}
                      path={`${path}.cases${keyPath(value)}`}
                      issues={issues}
                      onChange={(next) => set(id, { rule: { ...byFact, cases: { ...byFact.cases, [value]: next } } })}
                    />
                  </Space>
                ))}
                <FieldErrors issues={issues.filter((i) => !i.path.includes('.cases'))} path={path} />
              </Space>
            );
          },
        },
        {
          title: t('pf.warn'),
          key: 'warn',
          width: 230,
          render: (_, { id }) => <WarnInputs warn={steps[id]!.warn} label={stepName(id, lang)} path={`steps${keyPath(id)}.warn`} issues={issues} onChange={(warn) => set(id, { warn })} />,
        },
        {
          title: t('pf.description'),
          key: 'description',
          width: 240,
          render: (_, { id }) => (
            <>
              <Input.TextArea aria-label={t('pf.descriptionOf', { step: stepName(id, lang) })} autoSize={{ minRows: 1, maxRows: 3 }} value={steps[id]!.description ?? ''} onChange={(e) => set(id, { description: e.target.value })} />
              <FieldErrors issues={issues} path={`steps${keyPath(id)}.description`} />
            </>
          ),
        },
      ]}
    />
  );
}

/** A plain rule: its kind, then that kind's fields; changing the kind starts its fields from FIELD_START. */
function PlainRuleInputs({ rule, label, path, issues, onChange }: { rule: PlainRule; label: string; path: string; issues: readonly ApiFieldIssue[]; onChange: (rule: PlainRule) => void }) {
  const { t, lang } = useI18n();
  const spec = PLAIN_RULES.find((r) => r.kind === rule.kind);
  const values = rule as Record<string, unknown>;
  const setField = (name: string, value: unknown) => {
    const next: Record<string, unknown> = { ...values };
    if (value === undefined || value === '' || value === null) delete next[name];
    else next[name] = value;
    onChange(next as PlainRule);
  };
  return (
    <div>
      <Space wrap size={4}>
        <Select
          aria-label={t('pf.ruleKindOf', { step: label })}
          value={rule.kind}
          style={{ width: 230 }}
          popupMatchSelectWidth={false}
          onChange={(kind: PlainRule['kind']) => {
            const fields = PLAIN_RULES.find((r) => r.kind === kind)?.fields ?? [];
            onChange(Object.fromEntries([['kind', kind], ...fields.filter((f) => !f.optional).map((f) => [f.name, values[f.name] ?? FIELD_START[f.name]])]) as PlainRule);
          }}
          options={PLAIN_RULES.map((r) => ({ value: r.kind, label: labelOf(RULE_KIND_LABELS, r.kind, lang) }))}
        />
        {spec?.fields.map((field) => {
          const fieldLabel = t('pf.fieldOf', { step: label, field: labelOf(RULE_FIELD_LABELS, field.name, lang) });
          const bad = issues.some((i) => i.path.endsWith(`${path}.${field.name}`));
          return NUMBER_FIELDS.has(field.name) ? (
            <InputNumber
              key={field.name}
              aria-label={fieldLabel}
              addonBefore={labelOf(RULE_FIELD_LABELS, field.name, lang)}
              value={values[field.name] as number | undefined}
              onChange={(v) => setField(field.name, v)}
              status={bad ? 'error' : undefined}
              style={{ width: 150 }}
            />
          ) : (
            <Input
              key={field.name}
              aria-label={fieldLabel}
              addonBefore={labelOf(RULE_FIELD_LABELS, field.name, lang)}
              placeholder={field.optional ? t('pf.optional') : 'HH:MM'}
              value={(values[field.name] as string | undefined) ?? ''}
              onChange={(e) => setField(field.name, e.target.value)}
              status={bad ? 'error' : undefined}
              style={{ width: 170 }}
            />
          );
        })}
      </Space>
      <FieldErrors issues={issues} path={path} />
    </div>
  );
}

/** The warning: the policy's `warnAt` share when left out, a share of the time allowed, hours after opening, or none. */
function WarnInputs({ warn, label, path, issues, onChange }: { warn: WarnInput | undefined; label: string; path: string; issues: readonly ApiFieldIssue[]; onChange: (warn: WarnInput | undefined) => void }) {
  const { t, lang } = useI18n();
  return (
    <div>
      <Space wrap size={4}>
        <Select
          aria-label={t('pf.warnKindOf', { step: label })}
          value={warn?.kind ?? ''}
          style={{ width: 120 }}
          popupMatchSelectWidth={false}
          onChange={(kind: string) => onChange(kind === 'fraction' ? { kind, fraction: 0.8 } : kind === 'after-hours' ? { kind, hours: 24 } : kind === 'none' ? { kind } : undefined)}
          options={[{ value: '', label: t('pf.warnDefault') }, ...WARN_KINDS.map((k) => ({ value: k, label: labelOf(WARN_KIND_LABELS, k, lang) }))]}
        />
        {warn?.kind === 'fraction' && <InputNumber aria-label={t('pf.warnFractionOf', { step: label })} step={0.05} value={warn.fraction} onChange={(v) => onChange({ kind: 'fraction', fraction: v as number })} style={{ width: 90 }} />}
        {warn?.kind === 'after-hours' && <InputNumber aria-label={t('pf.warnHoursOf', { step: label })} addonAfter={t('pf.hours')} value={warn.hours} onChange={(v) => onChange({ kind: 'after-hours', hours: v as number })} style={{ width: 120 }} />}
      </Space>
      <FieldErrors issues={issues} path={path} />
    </div>
  );
}
