/**
 * Acting on a step from a queue row or the case page: complete, pause and escalate (上报, §9) open a dialog
 * (step-dialog.tsx, loaded on first use and warmed when a button is pointed at or focused), resume
 * acts at once. The dialog's refusals are shown next to their fields; a 409 says who completed the
 * step and when (step-refusal.ts).
 */
import { CheckOutlined, PauseOutlined, PlayCircleOutlined, RiseOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { createContext, lazy, memo, Suspense, useContext, useState, type ReactNode } from 'react';
import { useStepAction } from '../api/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { stepName } from '../i18n/labels.ts';
import type { DialogTarget } from './step-dialog.tsx';
import { describeError } from './step-refusal.ts';
import { Link } from 'react-router';
import { HOLD_APPROVE } from '../../../core/holds/hold.ts';

export interface StepActionsProps {
  caseId: string;
  step: string;
  status: string;
}

const loadDialog = () => import('./step-dialog.tsx');
const StepDialog = lazy(loadDialog);

/** Starts loading the dialog's code before the click that needs it (hover, keyboard focus). */
function warmDialog(): void {
  void loadDialog();
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
      {target && (
        <Suspense fallback={null}>
          <StepDialog key={`${target.kind}#${target.caseId}#${target.step}`} {...target} onClose={() => setTarget(undefined)} />
        </Suspense>
      )}
    </DialogContext.Provider>
  );
}

/** The row's buttons; memoised because a queue page draws many of them and each poll re-renders the page. */
export const StepActions = memo(function StepActions({ caseId, step, status }: StepActionsProps) {
  const { t, lang } = useI18n();
  const openDialog = useContext(DialogContext);
  const { message } = App.useApp();
  const action = useStepAction(caseId, step);
  const stepLabel = stepName(step, lang);
  const active = status === 'open' || status === 'warned' || status === 'breached' || status === 'paused';
  if (!active) return null;
  // The two hold approvals share a step id (§12 Holds): each is decided on the case page, by its own approver.
  if (step === HOLD_APPROVE)
    return (
      <Link to={`/cases/${encodeURIComponent(caseId)}`} aria-label={`${t('hold.decide')} ${caseId}`}>
        {t('hold.decide')}
      </Link>
    );
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
        <Button type="primary" size="small" icon={<CheckOutlined aria-hidden />} onPointerEnter={warmDialog} onFocus={warmDialog} onClick={() => openDialog({ kind: 'complete', caseId, step })} aria-label={`${t('action.complete')} ${stepLabel} ${caseId}`}>
          {t('action.complete')}
        </Button>
      )}
      {status === 'paused' ? (
        <Button size="small" icon={<PlayCircleOutlined aria-hidden />} loading={action.isPending} onClick={() => void resume()} aria-label={`${t('action.resume')} ${stepLabel} ${caseId}`}>
          {t('action.resume')}
        </Button>
      ) : (
        <Button size="small" icon={<PauseOutlined aria-hidden />} onPointerEnter={warmDialog} onFocus={warmDialog} onClick={() => openDialog({ kind: 'pause', caseId, step })} aria-label={`${t('action.pause')} ${stepLabel} ${caseId}`}>
          {t('action.pause')}
        </Button>
      )}
      {status !== 'paused' && (
        <Button size="small" icon={<RiseOutlined aria-hidden />} onPointerEnter={warmDialog} onFocus={warmDialog} onClick={() => openDialog({ kind: 'escalate', caseId, step })} aria-label={`${t('action.escalate')} ${stepLabel} ${caseId}`}>
          {t('action.escalate')}
        </Button>
      )}
    </Space>
  );
});
