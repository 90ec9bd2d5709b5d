import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidToken, issueToken, signingKey, TOKEN_LIFETIME_SECONDS, verifyToken } from '../../../local/identity/tokens.ts';

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
