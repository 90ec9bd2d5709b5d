/**
 * Boots the console: runtime settings first (config.json, preloaded by index.html), then the app.
 * A signed-in user opening the queue gets its read started here, so the API works on it while
 * React draws the frame rather than after.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadConfig } from './api/config.ts';
import { queueQuery } from './api/queries.ts';
import { queryClient } from './api/query-client.ts';
import { App } from './app.tsx';
import { currentSession } from './auth/session.ts';
import { routeOfPath } from './routing/deep-link.ts';

await loadConfig();
// A link by path (`/console/cases/<id>`, as alarms send) becomes its hash route before the router reads it.
const linked = routeOfPath(location.pathname, import.meta.env.BASE_URL);
if (linked !== undefined && location.hash === '') history.replaceState(null, '', `${import.meta.env.BASE_URL}${location.search}#${linked}`);
// `#/queue`, or no route yet (it redirects to the queue).
if (currentSession() && /^(#\/?|#\/queue([?/].*)?)?$/.test(location.hash)) void queryClient.prefetchInfiniteQuery(queueQuery());
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
