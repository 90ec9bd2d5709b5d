/** The supervisor board's dead-lettered customer notices (docs/notices.md), as the API returns them. */
import { z } from 'zod';
import { NOTICE_KINDS } from '../../core/notices/notice.ts';

const instant = z.iso.datetime({ offset: true });

export const deadNotice = z.object({
  noticeId: z.string(),
  kind: z.enum(NOTICE_KINDS),
  caseId: z.string(),
  orderId: z.string().nullable(),
  text: z.string().describe('the Chinese text the customer did not get'),
  raisedAt: instant.describe('when the notice was raised (policy zone)'),
  deadLetteredAt: instant.describe('when the platform gave up, 24 h or more after `raisedAt`'),
  reason: z.string().describe('the storefront\'s last answer, e.g. `HTTP 401 …`, or `network: …`'),
});

export const deadNotices = z
  .object({ count: z.number().int().min(0), notices: z.array(deadNotice).describe('newest first') })
  .describe('customer notices the storefront did not take within 24 h (kept 30 days)');
