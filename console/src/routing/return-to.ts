/** The page a signed-out user asked for (a case an alarm linked to), kept in the tab through the sign-in. */
const RETURN_TO = 'sla-console.return-to';

/** Remembers the route a signed-out user asked for, through the sign-in (and Cognito's round trip, which returns to the base). */
export function rememberReturnTo(route: string): void {
  if (route === '' || route === '/' || route.startsWith('/sign-in')) return;
  sessionStorage.setItem(RETURN_TO, route);
}

/** The route to open after sign-in (once): the remembered one, else the queue. */
export function takeReturnTo(): string {
  const route = sessionStorage.getItem(RETURN_TO);
  sessionStorage.removeItem(RETURN_TO);
  return route && route.startsWith('/') && !route.startsWith('//') ? route : '/queue';
}
