import { randomBytes } from 'node:crypto';

/** Task tokens are opaque to callers; the fixed shape lets the API tell a mangled token (InvalidToken) from an unknown one. */
const SHAPE = /^AQ[A-Za-z0-9_-]{64}$/;

export function newTaskToken(): string {
  return `AQ${randomBytes(48).toString('base64url')}`;
}

export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && SHAPE.test(token);
}
