/**
 * The console's one TanStack Query client: retried only for server trouble (a 4xx is an answer,
 * not a hiccup), refreshed when the tab comes back into view. Its own module so the boot code
 * (main.tsx) can start the first page's read before React draws anything.
 */
import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: (count, error) => count < 2 && !(error instanceof Error && 'status' in error && Number(error.status) < 500), refetchOnWindowFocus: true } },
});
