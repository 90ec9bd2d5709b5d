/** People, rosters and assignment (issue 23): reads and writes as TanStack Query hooks; shapes from the API's zod schemas. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { peopleList, roster, rosterEntry } from '../../../functions/staff-api/team-schemas.ts';
import { getJson, postJson, request } from './client.ts';
import type { StepActionResult } from './types.ts';

export type PeopleList = z.infer<typeof peopleList>;
export type Roster = z.infer<typeof roster>;
export type RosterEntry = z.infer<typeof rosterEntry>;

export function usePeople() {
  return useQuery({ queryKey: ['people'], queryFn: () => getJson<PeopleList>('/people'), staleTime: 30_000 });
}

export function useRoster(from: string, to: string) {
  // No refetch on focus: the grid keeps unsaved picks over the roster as read.
  return useQuery({ queryKey: ['roster', from, to], queryFn: () => getJson<Roster>(`/rosters?from=${from}&to=${to}`), refetchOnWindowFocus: false });
}

export function readRoster(from: string, to: string): Promise<Roster> {
  return getJson<Roster>(`/rosters?from=${from}&to=${to}`);
}

export function useSaveRoster(from: string, to: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (entries: RosterEntry[]) => (await (await request(`/rosters?from=${from}&to=${to}`, { method: 'PUT', body: { entries } })).json()) as Roster,
    onSuccess: (saved) => client.setQueryData(['roster', from, to], saved),
  });
}

export type AssignAction = { kind: 'claim' } | { kind: 'release' } | { kind: 'assign'; to: string };

/** Claims, releases or assigns a step; the queue, board and case refresh afterwards. */
export function useAssignAction(caseId: string, step: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: AssignAction) => postJson<StepActionResult>(`/cases/${encodeURIComponent(caseId)}/steps/${encodeURIComponent(step)}/${action.kind}`, action.kind === 'assign' ? { to: action.to } : {}),
    onSettled: async () => {
      await Promise.all(['queue', 'board'].map((key) => client.invalidateQueries({ queryKey: [key] })).concat(client.invalidateQueries({ queryKey: ['case', caseId] })));
    },
  });
}
