/**
 * Claim (认领), release (退回) and, for a supervisor, assign (指派) a queue row's step (issue 23):
 * who holds it shows beside the buttons; a refusal (someone else claimed it first) shows the API's words.
 */
import { App, Button, Select, Space } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/error-words.ts';
import { usePeople, useAssignAction } from '../api/team.ts';
import { currentSession } from '../auth/session.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function AssignActions({ caseId, step, role, assignedTo }: { caseId: string; step: string; role: string; assignedTo: string | undefined }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const session = currentSession();
  const supervisor = session?.roles.includes('supervisor') ?? false;
  const action = useAssignAction(caseId, step);
  const people = usePeople();
  const [picking, setPicking] = useState(false);
  const me = session?.user;
  const nameOf = (id: string) => people.data?.items.find((p) => p.id === id)?.name ?? id;
  const run = (kind: 'claim' | 'release') =>
    action.mutate({ kind }, { onSuccess: () => void message.success(t(kind === 'claim' ? 'team.claimed' : 'team.released')), onError: (e) => void message.error(errorText(e, lang)) });
  const candidates = (people.data?.items ?? []).filter((p) => p.active && p.roles.includes(role));
  return (
    <Space size={4} wrap data-holder={assignedTo ?? ''}>
      <span>{assignedTo ? nameOf(assignedTo) : t('team.pool')}</span>
      {assignedTo === undefined && (
        <Button size="small" loading={action.isPending} onClick={() => run('claim')}>
          {t('team.claim')}
        </Button>
      )}
      {assignedTo !== undefined && (assignedTo === me || supervisor) && (
        <Button size="small" loading={action.isPending} onClick={() => run('release')}>
          {t('team.release')}
        </Button>
      )}
      {supervisor &&
        (picking ? (
          <Select
            size="small"
            autoFocus
            defaultOpen
            aria-label={t('team.assignTo')}
            placeholder={t('team.assignTo')}
            style={{ minWidth: 140 }}
            options={candidates.map((p) => ({ value: p.id, label: `${p.name}${p.onDutyNow.includes(role) ? ` · ${t('team.onDuty')}` : ''}` }))}
            onBlur={() => setPicking(false)}
            onChange={(to: string) => {
              setPicking(false);
              action.mutate({ kind: 'assign', to }, { onSuccess: () => void message.success(t('team.assigned', { name: nameOf(to) })), onError: (e) => void message.error(errorText(e, lang)) });
            }}
          />
        ) : (
          <Button size="small" onClick={() => setPicking(true)}>
            {t('team.assign')}
          </Button>
        ))}
    </Space>
  );
}
