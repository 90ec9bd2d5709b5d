/**
 * The complete and pause dialogs: a completion form generated from the step's zod schema (the one
 * the API validates with, core/lifecycles/steps.ts), a pause with a reason and an optional resume
 * time in Beijing time. Loaded on first use (step-actions.tsx), so the queue's first load carries
 * neither zod nor the form and date-picker code.
 */
import { isPlatformOutcome } from '../../../core/holds/hold.ts';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Radio, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { NO_REASON_OUTCOMES } from '../../../core/lifecycles/no-reason-window.ts';
import { isStepId, STEPS } from '../../../core/lifecycles/steps.ts';
import { ApiError } from '../api/client.ts';
import { wordedFieldErrors } from '../api/error-words.ts';
import { useCase, useStepAction } from '../api/queries.ts';
import { fieldsOf } from '../forms/zod-fields.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { labelOf, OUTCOME_LABELS, stepName } from '../i18n/labels.ts';
import { zoneWallTimeToIso } from '../time/format.ts';
import { CompletionFields, fieldLabel } from './completion-fields.tsx';
import { NoReasonWindowTag } from './no-reason-window.tsx';
import { SerialInputs, useSerializedUnits } from './serial-inputs.tsx';
import { StepContext } from './step-context.tsx';
import { describeError } from './step-refusal.ts';
import { widgetFields, widgetsOf, type WidgetContext } from './step-field-widgets.tsx';

/** Which dialog is open, for which step. */
export interface DialogTarget {
  kind: 'complete' | 'pause' | 'escalate';
  caseId: string;
  step: string;
}

interface DialogProps extends DialogTarget {
  onClose: () => void;
}

interface FormValues {
  outcome?: string;
  fields?: Record<string, unknown>;
  reason?: string;
  until?: Dayjs;
}

export default function StepDialog({ kind, caseId, step, onClose }: DialogProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const stepLabel = stepName(step, lang);
  const submit = useStepAction(caseId, step).mutateAsync;
  const { message } = App.useApp();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const spec = isStepId(step) ? STEPS[step] : undefined;
  // The platform's own outcomes (a hold's `held`, a follow-up's `paid`) are not for staff to choose.
  const outcomes: readonly string[] = (spec?.outcomes ?? []).filter((o) => !isPlatformOutcome(step, { outcome: o }));
  const drawn = widgetFields(step);
  const [form] = Form.useForm<FormValues>();
  const outcome = Form.useWatch('outcome', form);
  // The case's facts (the checklist's points, the no-reason window beside the outcome it governs, §5–§6).
  const caseView = useCase(caseId);
  const caseFacts = caseView.data?.data;
  const widgetContext = (): WidgetContext => ({ step, outcome, facts: caseFacts ?? {}, errors });
  // Packing asks for one serial per serialized unit, labelled by item, in place of a free list (issue 28 item 6).
  const packing = kind === 'complete' && step === 'order.pack';
  const serialUnits = useSerializedUnits(caseId, packing);
  const perUnitSerials = packing && serialUnits !== undefined;
  const fieldSpecs = spec ? fieldsOf(spec.fields).filter((f) => !drawn.has(f.name) && !(perUnitSerials && f.name === 'serialNumbers')) : [];

  const onFinish = async (values: FormValues): Promise<void> => {
    setBusy(true);
    setErrors({});
    setProblem(undefined);
    try {
      const body = completionBody(values, perUnitSerials);
      if (kind === 'complete') {
        // Widgets' fields (the call checklist) are checked with the API's schema before sending.
        for (const widget of widgetsOf(step)) {
          const result = widget.toFields?.(values as Record<string, unknown>, widgetContext());
          if (result === undefined) continue;
          if ('errors' in result) {
            setErrors(result.errors);
            return;
          }
          if (Object.keys(result.fields).length > 0) body.fields = { ...body.fields, ...result.fields };
        }
      }
      if (kind === 'complete') await submit({ kind, ...body });
      else if (kind === 'escalate') await submit({ kind, reason: values.reason ?? '' });
      else await submit({ kind, reason: values.reason ?? '', ...(values.until ? { until: zoneWallTimeToIso(values.until.format('YYYY-MM-DD'), values.until.format('HH:mm')) } : {}) });
      void message.success(t(kind === 'complete' ? 'action.done' : kind === 'escalate' ? 'action.escalated' : 'action.paused', { step: stepLabel }));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && (e.issues.length > 0 || Object.keys(e.fieldErrors).length > 0)) setErrors(wordedFieldErrors(e, lang));
      else setProblem(await describeError(e, caseId, step, i18n));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (path: string) => (errors[path] ? { validateStatus: 'error' as const, help: errors[path] } : {});
  return (
    <Modal open title={t(kind === 'complete' ? 'action.completeTitle' : kind === 'escalate' ? 'action.escalateTitle' : 'action.pauseTitle', { step: `${stepLabel} ${step}` })} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<FormValues> form={form} layout="vertical" onFinish={(values) => void onFinish(values)} onValuesChange={() => setErrors({})} requiredMark>
        {kind === 'complete' ? (
          <>
            <StepContext caseId={caseId} step={step} />
            {outcomes.length > 0 && (
              <Form.Item label={t('case.outcome')} name="outcome" required {...fieldError('outcome')}>
                <Radio.Group aria-label={t('case.outcome')}>
                  {outcomes.map((outcome, i) => (
                    <Radio key={outcome} value={outcome} autoFocus={i === 0}>
                      {labelOf(OUTCOME_LABELS, outcome, lang)} ({outcome})
                      {NO_REASON_OUTCOMES[step] === outcome && (
                        <>
                          {' '}
                          <NoReasonWindowTag window={caseView.data?.noReasonWindow} />
                        </>
                      )}
                    </Radio>
                  ))}
                </Radio.Group>
              </Form.Item>
            )}
            {perUnitSerials && <SerialInputs units={serialUnits} error={errors['fields.serialNumbers']} />}
            {widgetsOf(step).map((w) => w.render(widgetContext()))}
            <CompletionFields specs={fieldSpecs} errors={errors} />
          </>
        ) : kind === 'escalate' ? (
          <Form.Item label={t('action.escalateReason')} name="reason" required {...fieldError('reason')}>
            <Input.TextArea autoFocus rows={3} maxLength={500} showCount />
          </Form.Item>
        ) : (
          <>
            <Form.Item label={t('action.reason')} name="reason" required {...fieldError('reason')}>
              <Input autoFocus />
            </Form.Item>
            <Form.Item label={t('action.until')} name="until" {...fieldError('until')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
          </>
        )}
        {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />}
        {Object.entries(errors)
          .filter(([path]) => !knownPath(path, [...fieldSpecs.map((f) => f.name), ...drawn, ...(perUnitSerials ? ['serialNumbers'] : [])]) && ![...drawn].some((name) => path.startsWith(`fields.${name}.`)))
          .map(([path, text]) => (
            <Alert key={path} type="error" showIcon role="alert" title={`${fieldLabel(path, lang)}: ${text}`} style={{ marginBottom: 16 }} />
          ))}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('action.submit')}
          </Button>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

function knownPath(path: string, fieldNames: string[]): boolean {
  return path === 'outcome' || path === 'reason' || path === 'until' || fieldNames.some((name) => path === `fields.${name}` || path.startsWith(`fields.${name}.`));
}

/**
 * The API body of a completion: empty inputs left out (the API then names what is required), times
 * in the policy zone. Per-unit serials are sent as the list typed, empty inputs dropped (the API
 * then names the count it expects), `[]` when nothing is serialized.
 */
function completionBody(values: FormValues, perUnitSerials: boolean): { outcome?: string; fields?: Record<string, unknown> } {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values.fields ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (isRecord(value)) {
      // A record's empty parts are left out, and a record left empty altogether (an optional repair referral).
      const parts = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== ''));
      if (Object.keys(parts).length > 0) fields[name] = parts;
      continue;
    }
    fields[name] = isDayjs(value) ? zoneWallTimeToIso(value.format('YYYY-MM-DD'), value.format('HH:mm')) : value;
  }
  if (perUnitSerials) {
    const typed = Array.isArray(values.fields?.serialNumbers) ? (values.fields.serialNumbers as unknown[]) : [];
    fields.serialNumbers = typed.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim());
  }
  return { ...(values.outcome !== undefined ? { outcome: values.outcome } : {}), ...(Object.keys(fields).length > 0 ? { fields } : {}) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isDayjs(value);
}

function isDayjs(value: unknown): value is Dayjs {
  return typeof value === 'object' && value !== null && 'isValid' in value && 'format' in value;
}

