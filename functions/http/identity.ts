/**
 * The caller of a staff route, from the JWT authorizer's claims. Roles are the `cognito:groups`
 * claim: a JSON array in the token, but API Gateway flattens array claims to a string such as
 * `[ops-cs supervisor]`; comma-separated strings are accepted too.
 */
import { Forbidden, Unauthenticated } from './errors.ts';
import type { ApiEvent, ClaimValue } from './event.ts';

export interface Caller {
  /** The staff member's user name (recorded as `completedBy`). */
  user: string;
  roles: readonly string[];
}

export const SUPERVISOR = 'supervisor';

export function callerOf(event: ApiEvent): Caller {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  if (!claims) throw new Unauthenticated();
  // API Gateway's JWT authorizer accepts a Cognito access token too (its client_id matches the
  // audience); the staff API reads ID-token claims, so an access token is refused here.
  if (claims.token_use !== undefined && claims.token_use !== 'id') throw new Unauthenticated('token is not an ID token (token_use must be "id")');
  const user = firstText(claims['cognito:username'], claims.username, claims.email, claims.sub);
  if (user === undefined) throw new Unauthenticated();
  return { user, roles: parseGroups(claims['cognito:groups']) };
}

/** `["a","b"]`, `"[a b]"`, `"a,b"`, `"a"` → `["a","b"]`. */
export function parseGroups(value: ClaimValue | undefined): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : String(value).trim().replace(/^\[(.*)\]$/s, '$1').split(/[\s,]+/);
  return [...new Set(items.map((item) => item.trim().replace(/^"(.*)"$/, '$1')).filter((item) => item !== ''))];
}

export function hasRole(caller: Caller, ...roles: readonly string[]): boolean {
  return roles.some((role) => caller.roles.includes(role));
}

/** Throws `Forbidden` unless the caller has one of `roles`. */
export function requireRole(caller: Caller, roles: readonly string[], action: string): void {
  if (!hasRole(caller, ...roles)) throw new Forbidden(`${action} needs the role ${roles.join(' or ')}; ${caller.user} has ${caller.roles.join(', ') || 'no role'}`);
}

function firstText(...values: (ClaimValue | undefined)[]): string | undefined {
  for (const value of values) if (typeof value === 'string' && value.trim() !== '') return value;
  return undefined;
}
