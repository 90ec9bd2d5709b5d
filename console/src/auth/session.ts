/**
 * The signed-in staff member: the bearer token lives in sessionStorage (gone with the tab, never in
 * localStorage where every later page load could read it) and in memory. `onSignOut` listeners
 * send the user back to the sign-in page, e.g. after a 401.
 */
export interface Session {
  token: string;
  expiresAt: string;
  user: string;
  roles: string[];
}

const KEY = 'sla-console.session';
const listeners = new Set<() => void>();
let current: Session | undefined = read();

function read(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    const session = raw ? (JSON.parse(raw) as Session) : undefined;
    // Expiry is the API's to judge (a 401 signs out): the platform may run on another clock than the browser.
    return session;
  } catch {
    return undefined;
  }
}

export function currentSession(): Session | undefined {
  return current;
}

/** Starts a session from a token the API issued; the user and roles are read from its claims. */
export function signIn(token: string, expiresAt: string): Session {
  const claims = decodeClaims(token);
  current = { token, expiresAt, user: claims.user, roles: claims.roles };
  sessionStorage.setItem(KEY, JSON.stringify(current));
  return current;
}

export function signOut(): void {
  current = undefined;
  sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

export function onSignOut(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The user and roles a JWT names (`cognito:username`/`sub`, `cognito:groups`); the API checks the signature. */
export function decodeClaims(token: string): { user: string; roles: string[] } {
  const payload = token.split('.')[1] ?? '';
  const json = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)))) as Record<string, unknown>;
  const user = typeof json['cognito:username'] === 'string' ? json['cognito:username'] : typeof json.sub === 'string' ? json.sub : '';
  const groups = json['cognito:groups'];
  return { user, roles: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [] };
}
