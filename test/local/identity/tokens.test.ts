import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { InvalidToken, issueToken, LOCAL_AUDIENCE, LOCAL_ISSUER, signingKey, TOKEN_LIFETIME_SECONDS, verifyToken } from '../../../local/identity/tokens.ts';

const dir = mkdtempSync(join(tmpdir(), 'identity-'));
const now = 1_800_000_000;

describe('local staff tokens', () => {
  it('carries the user and roles as Cognito ID tokens do', async () => {
    const key = signingKey(dir);
    const token = await issueToken({ user: 'alice', roles: ['ops-cs', 'supervisor'], key, nowSeconds: now });
    const claims = await verifyToken(token, key, now + 60);
    expect(claims.sub).toBe('alice');
    expect(claims['cognito:groups']).toEqual(['ops-cs', 'supervisor']);
  });

  it('keeps one signing key per data directory', () => {
    expect(Buffer.from(signingKey(dir)).toString('hex')).toBe(Buffer.from(signingKey(dir)).toString('hex'));
    expect(Buffer.from(signingKey(mkdtempSync(join(tmpdir(), 'other-')))).toString('hex')).not.toBe(Buffer.from(signingKey(dir)).toString('hex'));
  });

  it('rejects an expired token', async () => {
    const key = signingKey(dir);
    const token = await issueToken({ user: 'bob', roles: ['picker'], key, nowSeconds: now });
    await expect(verifyToken(token, key, now + TOKEN_LIFETIME_SECONDS + 1)).rejects.toThrow(/expired/);
  });

  it('rejects a token signed by another install', async () => {
    const token = await issueToken({ user: 'eve', roles: ['supervisor'], key: signingKey(mkdtempSync(join(tmpdir(), 'evil-'))), nowSeconds: now });
    await expect(verifyToken(token, signingKey(dir), now)).rejects.toBeInstanceOf(InvalidToken);
  });
});

describe('local staff tokens refuse what API Gateway refuses, in plain words', () => {
  const key = signingKey(dir);
  const sign = (claims: Record<string, unknown>, build: (jwt: SignJWT) => SignJWT) =>
    build(new SignJWT({ 'cognito:username': 'mallory', 'cognito:groups': ['supervisor'], token_use: 'id', ...claims }).setProtectedHeader({ alg: 'HS256' }).setSubject('mallory').setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE)).sign(key);

  it.each([
    ['without exp', {}, (j: SignJWT) => j.setIssuedAt(now), 'token lacks the exp claim'],
    ['with iat an hour in the future', {}, (j: SignJWT) => j.setIssuedAt(now + 3_600).setExpirationTime(now + 7_200), 'token is issued in the future (iat)'],
    ['of token_use "access"', { token_use: 'access' }, (j: SignJWT) => j.setIssuedAt(now).setExpirationTime(now + 60), 'token is not an ID token (token_use must be "id")'],
    ['for another audience', {}, (j: SignJWT) => j.setAudience('elsewhere').setIssuedAt(now).setExpirationTime(now + 60), 'token was not issued for this platform'],
  ])('refuses a token %s', async (_label, claims, build, message) => {
    const token = await sign(claims, build);
    await expect(verifyToken(token, key, now)).rejects.toThrow(new InvalidToken(message));
  });

  it('never shows the JWT library\'s error codes', async () => {
    const messages: string[] = [];
    for (const token of ['not.a.jwt', 'e30.e30.', (await issueToken({ user: 'a', roles: ['picker'], key, nowSeconds: now })).slice(0, -2) + 'xx']) {
      await verifyToken(token, key, now).catch((error: Error) => messages.push(error.message));
    }
    expect(messages).toHaveLength(3);
    for (const message of messages) expect(message).not.toMatch(/ERR_|JWS|JOSE/);
  });
});

describe('local staff tokens accept only the canonical encoding (RFC 7515 §2: base64url without padding)', () => {
  const key = signingKey(dir);
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  /** The same last sextet with its unused low bits set: decodes to the same bytes, a different string. */
  const flipLowBits = (segment: string, unusedBits: number): string =>
    segment.slice(0, -1) + ALPHABET[ALPHABET.indexOf(segment.at(-1)!) | ((1 << unusedBits) - 1)]!;

  it('refuses three other spellings of a valid token (padding, stray low bits) with "not a well-formed JWT"', async () => {
    const token = await issueToken({ user: 'alice', roles: ['supervisor'], key, nowSeconds: now });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    // HS256's 32-byte signature is 43 characters: 258 bits, the last 2 unused.
    expect(signature).toHaveLength(43);
    const spellings = [
      `${header}.${payload}.${signature}=`,
      `${header}.${payload}.${flipLowBits(signature, 2)}`,
      `${header}.${payload}.${flipLowBits(signature, 2)}=`,
    ];
    for (const spelling of spellings) {
      expect(spelling).not.toBe(token);
      expect(Buffer.from(spelling.split('.')[2]!, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
      await expect(verifyToken(spelling, key, now)).rejects.toThrow(/not a well-formed JWT/);
    }
    await expect(verifyToken(token, key, now)).resolves.toMatchObject({ sub: 'alice' });
  });
});
