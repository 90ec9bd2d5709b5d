/** The hold and priority writes (service-standards.md §12): the case and the queue refresh afterwards. Bodies typed from the API's zod schemas. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { holdAnswer, holdDecisionBody, holdRequestBody, priorityAnswer, priorityBody } from '../../../functions/staff-api/hold-schemas.ts';
import { postJson } from './client.ts';

export type HoldAction =
  | { kind: 'request'; body: z.input<typeof holdRequestBody> }
  | { kind: 'decide'; body: z.input<typeof holdDecisionBody> };
export type HoldAnswer = z.infer<typeof holdAnswer>;
export type PriorityAnswer = z.infer<typeof priorityAnswer>;

function useRefreshing<I, O>(caseId: string, send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: ['queue'] }), client.invalidateQueries({ queryKey: ['case', caseId] })]);
    },
  });
}

/** `POST /cases/{caseId}/hold` or `/hold/approve`. */
export function useHoldAction(caseId: string) {
  const path = `/cases/${encodeURIComponent(caseId)}/hold`;
  return useRefreshing(caseId, (action: HoldAction) => postJson<HoldAnswer>(action.kind === 'request' ? path : `${path}/approve`, action.body));
}

/** `POST /cases/{caseId}/priority`. */
export function useMarkPriority(caseId: string) {
  return useRefreshing(caseId, (body: z.input<typeof priorityBody>) => postJson<PriorityAnswer>(`/cases/${encodeURIComponent(caseId)}/priority`, body));
}
