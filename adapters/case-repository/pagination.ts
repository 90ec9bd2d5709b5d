/**
 * Signed, opaque page tokens: `<payload>.<signature>`, both base64url; the payload is the query's
 * LastEvaluatedKey, a hash of the query it belongs to and an expiry, the signature an HMAC-SHA256
 * over the payload with a key from the secret store (PAGE_TOKEN_SECRET locally, Secrets Manager on
 * AWS). A token forged, edited, expired or taken from another query is 400 `InvalidPageToken`:
 * unsigned keys would let a client hand DynamoDB any ExclusiveStartKey (a 500, or a peek into
 * another partition).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Page } from '../../core/cases/repository.ts';
import { systemClock, type Clock } from '../../core/time/clock.ts';

export class InvalidPageToken extends Error {
  override readonly name = 'InvalidPageToken';
  readonly status = 400;
  constructor(reason = 'not a token this API returned') {
    super(`nextToken: ${reason}`);
  }
}

/** How long a page token stays valid: long enough to page through a list, short enough that a leaked one ages out. */
export const PAGE_TOKEN_LIFETIME_MS = 24 * 3_600_000;

interface Payload {
  /** The LastEvaluatedKey. */
  k: Record<string, unknown>;
  /** Hash of the query the key belongs to. */
  q: string;
  /** Expiry, epoch ms. */
  e: number;
}

export class PageTokens {
  /**
   * `key` is read per use (a secret store read is cached by its source). Without one, a random key
   * of this instance: tokens then work only within one process (tests, tools).
   */
  constructor(
    private readonly key: () => Promise<string> = randomKey(),
    private readonly clock: Clock = systemClock,
    private readonly lifetimeMs = PAGE_TOKEN_LIFETIME_MS,
  ) {}

  /** A token for the page after `lastKey` of the query described by `scope`; none at the end. */
  async encode(lastKey: Record<string, unknown> | undefined, scope: string): Promise<string | undefined> {
    if (lastKey === undefined) return undefined;
    const payload: Payload = { k: lastKey, q: scopeHash(scope), e: this.clock.now() + this.lifetimeMs };
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${body}.${await this.sign(body)}`;
  }

  /** The LastEvaluatedKey a token carries. Throws `InvalidPageToken`. */
  async decode(token: string | undefined, scope: string): Promise<Record<string, unknown> | undefined> {
    if (token === undefined) return undefined;
    const [body, signature, extra] = token.split('.');
    if (body === undefined || signature === undefined || extra !== undefined) throw new InvalidPageToken();
    const expected = Buffer.from(await this.sign(body), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidPageToken();
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
    if (payload.q !== scopeHash(scope)) throw new InvalidPageToken('belongs to another query; start again without it');
    if (!(payload.e > this.clock.now())) throw new InvalidPageToken('has expired; start again without it');
    return payload.k;
  }

  private async sign(body: string): Promise<string> {
    return createHmac('sha256', await this.key()).update(body).digest('base64url');
  }
}

export async function page<T>(items: T[], nextToken: Promise<string | undefined>): Promise<Page<T>> {
  const token = await nextToken;
  return token === undefined ? { items } : { items, nextToken: token };
}

function scopeHash(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 16);
}

function randomKey(): () => Promise<string> {
  const key = randomBytes(32).toString('hex');
  return () => Promise.resolve(key);
}
