/**
 * The case page's hold and priority card (service-standards.md §12): where a hold stands (from the
 * case's steps, core/holds/hold.ts), and the actions the signed-in roles may take — 申请留货 for
 * presales-cs, 同意/拒绝 for the supervisor and the manager, 标记优先发货 for the supervisor. The
 * hold follow-up itself is an ordinary step with its checklist (the step dialog).
 */
import { App, Button, Card, Descriptions, Space, Tag } from 'antd';
import { HOLD_APPROVERS, HOLD_APPROVE, holdState, approvalAttempt, type HoldApprover, type HoldDecision } from '../../../core/holds/hold.ts';
import { isStepActive } from '../../../core/cases/step.ts';
import { errorText } from '../api/error-words.ts';
import { useHoldAction, useMarkPriority } from '../api/holds.ts';
import type { CaseView } from '../api/types.ts';
import { currentSession } from '../auth/session.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatWeekdayDateTime } from '../time/format.ts';
import type { MessageKey } from '../i18n/messages.ts';

const APPROVER_WORDS: Record<HoldApprover, { zh: string; en: string }> = { supervisor: { zh: '主管', en: 'supervisor' }, manager: { zh: '经理', en: 'manager' } };

/** The approvals the signed-in roles may still decide on this case. */
export function decidableApprovals(c: Pick<CaseView, 'steps'>, roles: readonly string[]): HoldApprover[] {
  return HOLD_APPROVERS.filter((a) => roles.includes(a) && c.steps.some((s) => s.step === HOLD_APPROVE && s.attempt === approvalAttempt(a) && isStepActive(s.status)));
}

export function HoldPanel({ c }: { c: CaseView }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const hold = useHoldAction(c.id);
  const priority = useMarkPriority(c.id);
  if (c.type !== 'order') return null;
  const roles = currentSession()?.roles ?? [];
  const state = holdState(c.steps);
  const open = c.status === 'open';
  const waitingPayment = c.steps.some((s) => s.step === 'order.payment' && isStepActive(s.status));
  const handedOver = c.steps.some((s) => s.step === 'order.pickup' && s.status === 'completed');
  const isPriority = c.data.priority === true;

  const run = async <T,>(send: () => Promise<T>, done: (answer: T) => string): Promise<void> => {
    try {
      const answer = await send();
      void message.success(done(answer));
    } catch (e) {
      void message.error(errorText(e, lang));
    }
  };
  const decide = (as: HoldApprover, decision: HoldDecision) => run(() => hold.mutateAsync({ kind: 'decide', body: { decision, as } }), () => t('hold.decided'));
  const word = (key: MessageKey, vars?: Record<string, string>) => t(key, vars);

  const stateText = (() => {
    switch (state.state) {
      case 'none':
        return word('hold.none');
      case 'requested':
        return word('hold.requested', Object.fromEntries(HOLD_APPROVERS.map((a) => [a, state.approvals[a] === 'approved' ? word('hold.approvedWord') : word('hold.pending')])));
      case 'refused':
        return word('hold.refused', { by: APPROVER_WORDS[state.by][lang] });
      case 'held':
        return word('hold.held', { until: formatWeekdayDateTime(state.heldUntil, lang) });
      case 'ended':
        return word(state.paid ? 'hold.endedPaid' : 'hold.ended', { until: formatWeekdayDateTime(state.heldUntil, lang) });
      case 'cancelled':
        return word('hold.cancelled');
    }
  })();

  return (
    <Card title={t('hold.title')} size="small" data-testid="hold-panel">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('hold.state')}>
          <span data-hold-state={state.state}>{stateText}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('priority.state')}>{isPriority ? <Tag color="red">{t('priority.yes')}</Tag> : t('priority.no')}</Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginTop: 8 }}>
        {open && waitingPayment && state.state === 'none' && (roles.includes('presales-cs') || roles.includes('supervisor')) && (
          <Button loading={hold.isPending} onClick={() => void run(() => hold.mutateAsync({ kind: 'request', body: {} }), () => t('hold.requestDone'))}>
            {t('hold.request')}
          </Button>
        )}
        {open &&
          decidableApprovals(c, roles).map((a) => (
            <Space key={a}>
              <Button type="primary" loading={hold.isPending} onClick={() => void decide(a, 'approved')} aria-label={`${t('hold.approve')} (${APPROVER_WORDS[a][lang]})`}>
                {t('hold.approve')} ({APPROVER_WORDS[a][lang]})
              </Button>
              <Button danger loading={hold.isPending} onClick={() => void decide(a, 'refused')} aria-label={`${t('hold.refuse')} (${APPROVER_WORDS[a][lang]})`}>
                {t('hold.refuse')} ({APPROVER_WORDS[a][lang]})
              </Button>
            </Space>
          ))}
        {open && !isPriority && !handedOver && roles.includes('supervisor') && (
          <Button
            loading={priority.isPending}
            onClick={() =>
              void run(
                () => priority.mutateAsync({}),
                (answer) => (answer.plannedPickupAt ? t('priority.marked', { time: formatWeekdayDateTime(answer.plannedPickupAt, lang) }) : t('priority.markedNoPlan')),
              )
            }
          >
            {t('priority.mark')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
