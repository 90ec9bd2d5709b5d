/** The case view's `noReasonWindow` (api.md: `{endsAt, open}` once delivered), in the policy's zone. */
import type { z } from 'zod';
import { isNoReasonWindowOpen, type NoReasonWindow } from '../../core/lifecycles/no-reason-window.ts';
import { renderInstant } from '../../core/time/render.ts';
import type { Zone } from '../../core/time/zone.ts';
import type { caseView } from './schemas.ts';

export function toNoReasonWindowView(window: NoReasonWindow | undefined, now: number, zone: Zone): Pick<z.infer<typeof caseView>, 'noReasonWindow'> {
  if (window === undefined) return {};
  return { noReasonWindow: { endsAt: renderInstant(zone, window.endsAtMs), open: isNoReasonWindowOpen(window, now), deliveredAt: renderInstant(zone, window.deliveredAt), days: window.days } };
}
