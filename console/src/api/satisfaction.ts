/** `GET /reports/satisfaction` (supervisor) as a TanStack Query hook; its type from the API's zod schema. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { satisfactionReportBody } from '../../../functions/staff-api/satisfaction-schemas.ts';
import { getJson } from './client.ts';

export type SatisfactionReport = z.infer<typeof satisfactionReportBody>;
export type SatisfactionGroupBy = SatisfactionReport['groupBy'];

/** Without `from`/`to`, the API's last 30 days in the policy's zone. */
export function useSatisfactionReport(from: string | undefined, to: string | undefined, groupBy: SatisfactionGroupBy) {
  const params = new URLSearchParams({ groupBy });
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  return useQuery({ queryKey: ['satisfaction-report', from, to, groupBy], queryFn: () => getJson<SatisfactionReport>(`/reports/satisfaction?${params.toString()}`) });
}
