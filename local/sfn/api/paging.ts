import { InvalidToken } from './errors.ts';

/** Offset paging with an opaque token, for the List* operations. */
export function pageOf<T>(all: T[], body: Record<string, unknown>, defaultSize = 100): { items: T[]; nextToken?: string } {
  const size = typeof body.maxResults === 'number' && body.maxResults > 0 ? Math.min(body.maxResults, 1000) : defaultSize;
  let offset = 0;
  if (typeof body.nextToken === 'string') {
    offset = Number(Buffer.from(body.nextToken, 'base64url').toString('utf8'));
    if (!Number.isInteger(offset) || offset < 0) throw new InvalidToken('Invalid Token: the nextToken is not valid');
  }
  const items = all.slice(offset, offset + size);
  const end = offset + items.length;
  return end < all.length ? { items, nextToken: Buffer.from(String(end)).toString('base64url') } : { items };
}
