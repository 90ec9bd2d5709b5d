/**
 * Acting on a step: complete (a form generated from the step's schema), pause (reason, optional
 * resume time in Beijing time) and resume. The API's 400 is shown next to the field it names; a
 * 409 says who completed the step and when (read back from the case).
 */
import { CheckOutlined, PauseOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Radio, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { isStepId, STEPS } from '../../../core/lifecycles/steps.ts';
import { ApiError, getJson } from '../api/client.ts';
import { useStepAction } from '../api/queries.ts';
import type { CaseView } from '../api/types.ts';
import { fieldsOf } from '../forms/zod-fields.ts';
import { useI18n, type I18n } from '../i18n/i18n.tsx';
import { labelOf, OUTCOME_LABELS, STATUS_LABELS, stepName } from '../i18n/labels.ts';
import { formatWeekdayDateTime, zoneWallTimeToIso } from '../time/format.ts';
import { CompletionFields, fieldLabel } from './completion-fields.tsx';

export interface StepActionsProps {
  caseId: string;
  step: string;
  status: string;
}

interface DialogTarget {
  kind: 'complete' | 'pause';
  caseId: string;
  step: string;
}

const DialogContext = createContext<(target: DialogTarget) => void>(() => {});

/**
 * Holds the open complete/pause dialog above the pages, so it stays open when its queue row goes
 * away underneath it (someone else completed the step: the submit then shows who, with the 409).
 */
export function StepDialogProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<DialogTarget>();
  return (
    <DialogContext.Provider value={setTarget}>
      {children}
      {target && <ActionDialog key={`${target.kind}#${target.caseId}#${target.step}`} {...target} onClose={() => setTarget(undefined)} />}
    </DialogContext.Provider>
  );
}

export function StepActions({ caseId, step, status }: StepActionsProps) {
  const { t, lang } = useI18n();
  const openDialog = useContext(DialogContext);
  const { message } = App.useApp();
  const action = useStepAction(caseId, step);
  const stepLabel = stepName(step, lang);
  const active = status === 'open' || status === 'warned' || status === 'breached' || status === 'paused';
  if (!active) return null;
  const resume = async (): Promise<void> => {
    try {
      await action.mutateAsync({ kind: 'resume' });
      void message.success(t('action.resumed', { step: stepLabel }));
    } catch (e) {
      void message.error(await describeError(e, caseId, step, { t, lang }));
    }
  };
  return (
    <Space wrap>
      {status !== 'paused' && (
        <Button type="primary" size="small" icon={<CheckOutlined aria-hidden />} onClick={() => openDialog({ kind: 'complete', caseId, step })} aria-label={`${t('action.complete')} ${stepLabel} ${caseId}`}>
          {t('action.complete')}
        </Button>
      )}
      {status === 'paused' ? (
        <Button size="small" icon={<PlayCircleOutlined aria-hidden />} loading={action.isPending} onClick={() => void resume()} aria-label={`${t('action.resume')} ${stepLabel} ${caseId}`}>
          {t('action.resume')}
        </Button>
      ) : (
        <Button size="small" icon={<PauseOutlined aria-hidden />} onClick={() => openDialog({ kind: 'pause', caseId, step })} aria-label={`${t('action.pause')} ${stepLabel} ${caseId}`}>
          {t('action.pause')}
        </Button>
      )}
    </Space>
  );
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

function ActionDialog({ kind, caseId, step, onClose }: DialogProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const stepLabel = stepName(step, lang);
  const submit = useStepAction(caseId, step).mutateAsync;
  const { message } = App.useApp();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const spec = isStepId(step) ? STEPS[step] : undefined;
  const outcomes: readonly string[] = spec?.outcomes ?? [];
  const fieldSpecs = spec ? fieldsOf(spec.fields) : [];

  const onFinish = async (values: FormValues): Promise<void> => {
    setBusy(true);
    setErrors({});
    setProblem(undefined);
    try {
      await submit(kind === 'complete' ? { kind, ...completionBody(values) } : { kind, reason: values.reason ?? '', ...(values.until ? { until: zoneWallTimeToIso(values.until.format('YYYY-MM-DD'), values.until.format('HH:mm')) } : {}) });
      void message.success(t(kind === 'complete' ? 'action.done' : 'action.paused', { step: stepLabel }));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fieldErrors).length > 0) setErrors(e.fieldErrors);
      else setProblem(await describeError(e, caseId, step, i18n));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (path: string) => (errors[path] ? { validateStatus: 'error' as const, help: errors[path] } : {});
  return (
    <Modal open title={t(kind === 'complete' ? 'action.completeTitle' : 'action.pauseTitle', { step: `${stepLabel} ${step}` })} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<FormValues> layout="vertical" onFinish={(values) => void onFinish(values)} onValuesChange={() => setErrors({})} requiredMark>
        {kind === 'complete' ? (
          <>
            {outcomes.length > 0 && (
              <Form.Item label={t('case.outcome')} name="outcome" required {...fieldError('outcome')}>
                <Radio.Group aria-label={t('case.outcome')}>
                  {outcomes.map((outcome, i) => (
                    <Radio key={outcome} value={outcome} autoFocus={i === 0}>
                      {labelOf(OUTCOME_LABELS, outcome, lang)} ({outcome})
                    </Radio>
                  ))}
                </Radio.Group>
              </Form.Item>
            )}
            <CompletionFields specs={fieldSpecs} errors={errors} />
          </>
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
          .filter(([path]) => !knownPath(path, fieldSpecs.map((f) => f.name)))
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
  return path === 'outcome' || path === 'reason' || path === 'until' || fieldNames.some((name) => path === `fields.${name}`);
}

/** The API body of a completion: empty inputs left out (the API then names what is required), times in the policy zone. */
function completionBody(values: FormValues): { outcome?: string; fields?: Record<string, unknown> } {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values.fields ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    fields[name] = isDayjs(value) ? zoneWallTimeToIso(value.format('YYYY-MM-DD'), value.format('HH:mm')) : value;
  }
  return { ...(values.outcome !== undefined ? { outcome: values.outcome } : {}), ...(Object.keys(fields).length > 0 ? { fields } : {}) };
}

function isDayjs(value: unknown): value is Dayjs {
  return typeof value === 'object' && value !== null && 'isValid' in value && 'format' in value;
}

/** A refusal in words; for 409 the step's current state, read back from the case: who completed it and when. */
async function describeError(error: unknown, caseId: string, step: string, { t, lang }: Pick<I18n, 't' | 'lang'>): Promise<string> {
  if (!(error instanceof ApiError)) return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
  if (error.status === 409) {
    try {
      const view = await getJson<CaseView>(`/cases/${encodeURIComponent(caseId)}`);
      const current = [...view.steps].reverse().find((s) => s.step === step);
      if (current?.status === 'completed' && current.completedAt) return t('action.conflict', { who: current.completedBy ?? '?', when: formatWeekdayDateTime(current.completedAt, lang) });
      if (current) return t('action.conflictOther', { status: labelOf(STATUS_LABELS, current.status, lang) });
    } catch {
      // Fall through to the API's own words.
    }
  }
  if (error.status === 403) return t('error.forbidden', { message: error.message });
  return t('error.generic', { message: error.message });
}
