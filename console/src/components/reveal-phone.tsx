/**
 * 拨打 / reveal: the masked phone, and for the role of an open step (or the supervisor) a button
 * that asks the API for the full number (`POST /cases/{id}/contact/reveal`, which puts who and when
 * on the timeline) and shows it as a `tel:` link a phone dials with one tap.
 */
import { PhoneOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space } from 'antd';
import type { z } from 'zod';
import type { contactReveal } from '../../../functions/staff-api/schemas.ts';
import { errorText } from '../api/error-words.ts';
import { postJson } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function RevealPhone({ caseId, masked, canReveal }: { caseId: string; masked: string; canReveal: boolean }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const reveal = useMutation({
    mutationFn: () => postJson<z.infer<typeof contactReveal>>(`/cases/${encodeURIComponent(caseId)}/contact/reveal`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['case', caseId] }),
  });
  if (reveal.data) {
    const phone = reveal.data.phone;
    return (
      <Space wrap>
        <a href={`tel:${phone.replace(/[^\d+]/g, '')}`} aria-label={t('reveal.call', { phone })}>
          <PhoneOutlined aria-hidden /> {phone}
        </a>
        <span style={{ color: 'rgba(0,0,0,0.65)' }}>{t('reveal.done')}</span>
      </Space>
    );
  }
  return (
    <Space wrap>
      <span>{masked}</span>
      {canReveal && (
        <Button size="small" icon={<PhoneOutlined aria-hidden />} loading={reveal.isPending} onClick={() => reveal.mutate()}>
          {t('reveal.button')}
        </Button>
      )}
      {reveal.error && <Alert type="error" showIcon role="alert" title={t('error.generic', { message: errorText(reveal.error, lang) })} />}
    </Space>
  );
}
