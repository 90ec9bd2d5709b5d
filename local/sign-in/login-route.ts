/**
 * `POST /auth/login` (api.md "Local home only"): `{"user", "password"}` as `application/json` →
 * 200 `{"token", "expiresAt"}` with the same kind of token `npm run token` prints; 400 naming a
 * bad field, 415 for another Content-Type (functions/http/media-type.ts), 401
 * `InvalidCredentials`, 429 `TooManyAttempts` with Retry-After while a user+address pair or an
 * address is locked out (login-throttle.ts), 429 `SignInBusy` with Retry-After while the
 * password-hashing slots and their queue are full (hash-gate.ts).
 *
 * A local-home function in front of the identity store (local/identity: accounts, tokens): it
 * speaks the API's HTTP conventions (functions/http), which the identity store never imports.
 */
import type { Clock } from '../../core/time/clock.ts';
import type { Zone } from '../../core/time/zone.ts';
import { errorBody } from '../../functions/http/error-response.ts';
import { jsonBody } from '../../functions/http/body.ts';
import { validate } from '../../functions/http/validate.ts';
import { loginBody } from '../../functions/staff-api/schemas.ts';
import type { LocalRequest, LocalResponse, LocalRoute } from '../gateway/local-routes.ts';
import type { AccountSummary } from '../identity/accounts.ts';
import { issueToken, TOKEN_LIFETIME_SECONDS } from '../identity/tokens.ts';
import { InvalidCredentials, TooManyAttempts } from './errors.ts';
import { HashGate } from './hash-gate.ts';
import type { LoginThrottle } from './login-throttle.ts';

/** What sign-in needs of the account store (local/identity/accounts.ts). */
export interface SignInAccounts {
  /** The account when the password is its password (one scrypt hash, even for an unknown name). */
  verify(name: string, password: string): Promise<AccountSummary | undefined>;
  /** The generation the user's tokens must carry (bumped by `user remove` / `user passwd`). */
  tokenGeneration(name: string): number;
}

export interface LoginDeps {
  accounts: SignInAccounts;
  signingKey: Uint8Array;
  clock: Clock;
  throttle: LoginThrottle;
  /** Bounds the hashing work; a fresh HashGate with the default limits when absent. */
  hashGate?: HashGate;
  /** The policy's zone: `expiresAt` is shown in it. */
  zone: Zone;
  onError?: (error: unknown) => void;
}

export function loginRoute(deps: LoginDeps): LocalRoute {
  const gate = deps.hashGate ?? new HashGate();
  return {
    method: 'POST',
    path: '/auth/login',
    async handle(request) {
      try {
        return await signIn(deps, gate, request);
      } catch (error) {
        const { status, body } = errorBody(error);
        if (status >= 500) deps.onError?.(error);
        const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-store' };
        const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
        if (status === 429 && typeof retryAfter === 'number') headers['retry-after'] = String(retryAfter);
        return { statusCode: status, headers, body: JSON.stringify(body) };
      }
    },
  };
}

async function signIn(deps: LoginDeps, gate: HashGate, request: LocalRequest): Promise<LocalResponse> {
  const { user, password } = validate(loginBody, jsonBody({ body: request.body.toString('utf8'), isBase64Encoded: false, headers: { 'content-type': request.headers['content-type'] } }), 'body');
  const wait = deps.throttle.waitMs(user, request.sourceIp);
  if (wait > 0) throw new TooManyAttempts(Math.ceil(wait / 1000));
  const account = await gate.run(() => deps.accounts.verify(user, password));
  if (!account) {
    deps.throttle.recordFailure(user, request.sourceIp);
    throw new InvalidCredentials();
  }
  deps.throttle.recordSuccess(user, request.sourceIp);
  const nowSeconds = Math.floor(deps.clock.now() / 1000);
  const token = await issueToken({ user: account.name, roles: account.roles, key: deps.signingKey, nowSeconds, generation: deps.accounts.tokenGeneration(account.name) });
  const expiresAt = deps.zone.formatIso((nowSeconds + TOKEN_LIFETIME_SECONDS) * 1000);
  return { statusCode: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: JSON.stringify({ token, expiresAt }) };
}
