import { join } from 'node:path';
import { errors, jwtVerify, SignJWT } from 'jose';
import { readOrCreateSecret } from './secret-file.ts';

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

export function signingKey(dataDir: string): Uint8Array {
  return Buffer.from(readOrCreateSecret(join(dataDir, 'identity', 'jwt-signing-key')), 'hex');
}

export async function issueToken(input: { user: string; roles: readonly string[]; key: Uint8Array; nowSeconds: number }): Promise<string> {
  return new SignJWT({ 'cognito:username': input.user, 'cognito:groups': [...input.roles], token_use: 'id' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.user)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt(input.nowSeconds)
    .setExpirationTime(input.nowSeconds + TOKEN_LIFETIME_SECONDS)
    .sign(input.key);
}

/** Verifies a bearer token; the message says what was wrong without echoing the token. */
export async function verifyToken(token: string, key: Uint8Array, nowSeconds: number): Promise<StaffClaims> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, algorithms: ['HS256'], currentDate: new Date(nowSeconds * 1000) });
    const groups = payload['cognito:groups'];
    if (typeof payload.sub !== 'string' || !Array.isArray(groups) || !groups.every((g) => typeof g === 'string')) {
      throw new InvalidToken('token lacks sub or cognito:groups');
    }
    return payload as StaffClaims;
  } catch (error) {
    if (error instanceof InvalidToken) throw error;
    if (error instanceof errors.JWTExpired) throw new InvalidToken('token expired');
    if (error instanceof errors.JOSEError) throw new InvalidToken(`invalid token (${error.code})`);
    throw error;
  }
}
