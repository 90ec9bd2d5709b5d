import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { errors, jwtVerify, SignJWT } from 'jose';
import { readExisting, readOrCreateSecret } from './secret-file.ts';

/** Local stand-in for Cognito ID tokens: HS256 with a per-install key, the same claims the API reads. */
export const LOCAL_ISSUER = 'sla-platform-local';
export const LOCAL_AUDIENCE = 'sla-platform';
export const TOKEN_LIFETIME_SECONDS = 12 * 3600;

export interface StaffClaims {
  sub: string;
  'cognito:username': string;
  'cognito:groups': string[];
  [claim: string]: unknown;
}

export class InvalidToken extends Error {
  override readonly name = 'InvalidToken';
}

/** How far ahead of the platform's clock a token's `iat` may be (clock skew between issuers). */
export const IAT_TOLERANCE_SECONDS = 30;

/** Where a data directory keeps its token signing key. */
export const SIGNING_KEY_FILE = join('identity', 'jwt-signing-key');

/** The data directory's signing key, created on first use (the runtime). */
export function signingKey(dataDir: string): Uint8Array {
  return Buffer.from(readOrCreateSecret(join(dataDir, SIGNING_KEY_FILE)), 'hex');
}

/** The data directory's signing key as the running platform created it; throws if there is none (tools). */
export function existingSigningKey(dataDir: string): Uint8Array {
  return Buffer.from(readExisting(join(dataDir, SIGNING_KEY_FILE)), 'hex');
}

/**
 * The user's token generation at issue (accounts.ts): a token whose generation is not the user's
 * current one was revoked (`user remove`, `user passwd`). Absent means 0.
 */
export const TOKEN_GENERATION_CLAIM = 'local:token_generation';

export async function issueToken(input: { user: string; roles: readonly string[]; key: Uint8Array; nowSeconds: number; generation?: number }): Promise<string> {
  const generation = input.generation ? { [TOKEN_GENERATION_CLAIM]: input.generation } : {};
  return new SignJWT({ 'cognito:username': input.user, 'cognito:groups': [...input.roles], token_use: 'id', ...generation })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.user)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt(input.nowSeconds)
    .setExpirationTime(input.nowSeconds + TOKEN_LIFETIME_SECONDS)
    .sign(input.key);
}

/**
 * Verifies a bearer token as API Gateway's JWT authorizer does for a Cognito ID token: HS256 with
 * this install's key, `iss` and `aud`, `exp` required and not passed, `iat` required and not in the
 * future, `token_use` "id" (an access token is refused where an ID token is expected). Throws
 * `InvalidToken` whose message says what was wrong in plain words — never the token, nor the JWT
 * library's error codes.
 */
export async function verifyToken(token: string, key: Uint8Array | KeyObject, nowSeconds: number): Promise<StaffClaims> {
  if (!isCanonicalCompactJws(token)) throw new InvalidToken('token is not a well-formed JWT (each part must be unpadded base64url in its one canonical form)');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, key, {
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      algorithms: ['HS256'],
      currentDate: new Date(nowSeconds * 1000),
      requiredClaims: ['exp', 'iat', 'sub'],
    }));
  } catch (error) {
    throw new InvalidToken(reasonOf(error));
  }
  if (typeof payload.iat !== 'number' || payload.iat > nowSeconds + IAT_TOLERANCE_SECONDS) throw new InvalidToken('token is issued in the future (iat)');
  if (payload.token_use !== 'id') throw new InvalidToken('token is not an ID token (token_use must be "id")');
  const groups = payload['cognito:groups'];
  if (typeof payload.sub !== 'string' || !Array.isArray(groups) || !groups.every((g) => typeof g === 'string')) {
    throw new InvalidToken('token lacks sub or cognito:groups');
  }
  return payload as StaffClaims;
}

/**
 * Whether a compact JWS is three segments each in the one encoding RFC 7515 allows: base64url with
 * no padding (§2, "with all trailing '=' characters omitted") and no stray bits, i.e. equal to the
 * re-encoding of its own decoding (RFC 4648 §3.5: encoders set the pad bits to zero). jose, like
 * Node's decoder, ignores `=` and the unused low bits of the last character, so without this check
 * several different strings verify as one token (the same signature under many spellings).
 */
function isCanonicalCompactJws(token: string): boolean {
  const segments = token.split('.');
  return segments.length === 3 && segments.every((segment) => /^[A-Za-z0-9_-]*$/.test(segment) && Buffer.from(segment, 'base64url').toString('base64url') === segment);
}

/** jose's failures in words a staff member can act on. */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token expired; get a new one';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return `token lacks the ${error.claim} claim`;
    if (error.claim === 'iss' || error.claim === 'aud') return 'token was not issued for this platform';
    if (error.claim === 'nbf') return 'token is not valid yet';
    return `token has an invalid ${error.claim} claim`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature does not verify: it was signed with another key (npm run token must use the data directory of the running npm start)';
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return 'token is not signed with HS256';
  if (error instanceof errors.JOSEError) return 'token is not a well-formed JWT';
  throw error;
}
