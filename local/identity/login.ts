/**
 * `POST /auth/login` (api.md "Local home only"): `{"user", "password"}` as `application/json` →
 * 200 `{"token", "expiresAt"}` with the same kind of token `npm run token` prints; 400 naming a
 * bad field, 415 for another Content-Type (functions/http/media-type.ts), 401
 * `InvalidCredentials`, 429 `TooManyAttempts` with Retry-After while a user+address pair is
 * locked out (login-throttle.ts).
 */
import type { Clock } from '../../core/time/clock.ts';
import type { Zone } from '../../core/time/zone.ts';
import { errorBody } from '../../functions/http/error-response.ts';
import { jsonBody } from '../../functions/http/body.ts';
import { validate } from '../../functions/http/validate.ts';
import { loginBody } from '../../functions/staff-api/schemas.ts';
import type { LocalRequest, LocalResponse, LocalRoute } from '../gateway/local-routes.ts';
import type { AccountStore } from './accounts.ts';
import { InvalidCredentials, TooManyAttempts } from './errors.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { issueToken, TOKEN_LIFETIME_SECONDS } from './tokens.ts';

export interface LoginDeps {
  accounts: AccountStore;
  signingKey: Uint8Array;
  clock: Clock;
  throttle: LoginThrottle;
  /** The policy's zone: `expiresAt` is shown in it. */
  zone: Zone;
  onError?: (error: unknown) => void;
}

export function loginRoute(deps: LoginDeps): LocalRoute {
  return {
    method: 'POST',
    path: '/auth/login',
    async handle(request) {
      try {
        return await signIn(deps, request);
      } catch (error) {
        const { status, body } = errorBody(error);
        if (status >= 500) deps.onError?.(error);
        const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-store' };
        if (error instanceof TooManyAttempts) headers['retry-after'] = String(error.retryAfterSeconds);
        return { statusCode: status, headers, body: JSON.stringify(body) };
      }
    },
  };
}

async function signIn(deps: LoginDeps, request: LocalRequest): Promise<LocalResponse> {
  const { user, password } = validate(loginBody, jsonBody({ body: request.body.toString('utf8'), isBase64Encoded: false, headers: { 'content-type': request.headers['content-type'] } }), 'body');
  const wait = deps.throttle.waitMs(user, request.sourceIp);
  if (wait > 0) throw new TooManyAttempts(Math.ceil(wait / 1000));
  const account = await deps.accounts.verify(user, password);
  if (!account) {
    deps.throttle.recordFailure(user, request.sourceIp);
    throw new InvalidCredentials();
  }
  deps.throttle.recordSuccess(user, request.sourceIp);
  const nowSeconds = Math.floor(deps.clock.now() / 1000);
  const token = await issueToken({ user: account.name, roles: account.roles, key: deps.signingKey, nowSeconds });
  const expiresAt = deps.zone.formatIso((nowSeconds + TOKEN_LIFETIME_SECONDS) * 1000);
  return { statusCode: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: JSON.stringify({ token, expiresAt }) };
}
