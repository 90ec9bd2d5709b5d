/**
 * "快递已到 / The courier came" (issue 28 item 9), for pickers and supervisors: lists the parcels
 * waiting for the courier (`GET /pickups`: order, planned batch, carrier and tracking number) in a
 * confirmation, and on confirming runs the pickup batch (`POST /pickups/run`), which hands every
 * one over now. The queue and the board refresh afterwards.
 */
import { CarOutlined } from '@ant-design/icons';
import { App, Button, List, Modal, Spin, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { request, getJson } from '../api/client.ts';
import type { PickupRun, PickupsWaiting } from '../api/types.ts';
import { currentSession } from '../auth/session.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatWeekdayDateTime } from '../time/format.ts';

const ROLES = ['picker', 'supervisor'];
const STATE_COLOR = { waiting: 'default', due: 'gold', missed: 'red' } as const;

export function CourierCame() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const waiting = useQuery({ queryKey: ['pickups'], queryFn: () => getJson<PickupsWaiting>('/pickups'), enabled: open, staleTime: 0 });
  const run = useMutation({
    mutationFn: async () => (await (await request('/pickups/run', { method: 'POST' })).json()) as PickupRun,
    onSettled: () => Promise.all(['queue', 'board', 'pickups'].map((key) => client.invalidateQueries({ queryKey: [key] }))),
  });
  if (!(currentSession()?.roles.some((role) => ROLES.includes(role)) ?? false)) return null;

  const parcels = waiting.data?.parcels ?? [];
  const confirm = async (): Promise<void> => {
    try {
      const result = await run.mutateAsync();
      void message.success(t('pickup.done', { count: result.handedOver.length }));
      setOpen(false);
    } catch (error) {
      void message.error(t('error.generic', { message: (error as Error).message }));
    }
  };
  return (
    <>
      <Button icon={<CarOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('pickup.button')}
      </Button>
      <Modal
        open={open}
        title={t('pickup.title')}
        onCancel={() => setOpen(false)}
        onOk={() => void confirm()}
        okText={t('pickup.confirm', { count: parcels.length })}
        cancelText={t('pickup.cancel')}
        okButtonProps={{ disabled: parcels.length === 0 || waiting.isFetching, loading: run.isPending }}
        destroyOnHidden
      >
        {waiting.isFetching && !waiting.data ? (
          <Spin />
        ) : (
          <List
            size="small"
            aria-label={t('pickup.title')}
            dataSource={parcels}
            locale={{ emptyText: t('pickup.none') }}
            renderItem={(p) => (
              <List.Item data-case={p.caseId}>
                <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  <Typography.Text strong>{p.orderId ?? p.caseId}</Typography.Text> <Tag color={STATE_COLOR[p.state]}>{t(`pickup.state.${p.state}`)}</Tag>
                  <div>{p.plannedAt === null ? t('pickup.unplanned') : t('pickup.planned', { time: formatWeekdayDateTime(p.plannedAt, lang) })}</div>
                  {p.trackingNo !== null && (
                    <div>
                      {p.carrier ?? ''} {p.trackingNo}
                    </div>
                  )}
                </div>
              </List.Item>
            )}
          />
        )}
      </Modal>
    </>
  );
}
