/**
 * The case's 7-day no-reason window as a tag (open: green, closed: grey), on the case page and
 * beside the outcomes it governs in the step dialog (`return.verify` insist, `exchange.verify`
 * no-reason). Nothing before delivery: there is no window yet.
 */
import { Tag } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { noReasonWindowText, type NoReasonWindowView } from './no-reason-window-text.ts';

export function NoReasonWindowTag({ window }: { window: NoReasonWindowView | undefined }) {
  const i18n = useI18n();
  if (!window) return null;
  return (
    <Tag color={window.open ? 'green' : 'default'} data-testid="no-reason-window">
      {noReasonWindowText(window, i18n)}
    </Tag>
  );
}
