import { describe, expect, it } from 'vitest';
import { etagOf, matchesIfNoneMatch } from '../../../functions/http/etag.ts';
import { httpHandler } from '../../../functions/http/handler.ts';
import { jsonResponse } from '../../../functions/http/response.ts';
import { silentLogger } from '../../../functions/shared/logger.ts';
import { apiEvent, lambdaContext } from './api-support.ts';

describe('conditional GETs (ETag)', () => {
  let body: unknown = { items: [1] };
  const handler = httpHandler(() => Promise.resolve(jsonResponse(200, body)), { logger: silentLogger() });

  it('gives a 200 GET an ETag of its body and asks the browser to revalidate', async () => {
    const response = await handler(apiEvent({ method: 'GET', path: '/queue' }), lambdaContext);
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe(etagOf(JSON.stringify({ items: [1] })));
    expect(response.headers['cache-control']).toBe('private, no-cache');
  });

  it('answers 304 with no body while the body is unchanged, and 200 with a new ETag once it changes', async () => {
    body = { items: [1] };
    const first = await handler(apiEvent({ method: 'GET', path: '/queue' }), lambdaContext);
    const again = await handler(apiEvent({ method: 'GET', path: '/queue', headers: { 'If-None-Match': first.headers.etag as string } }), lambdaContext);
    expect([again.statusCode, again.body]).toEqual([304, '']);
    body = { items: [1, 2] };
    const changed = await handler(apiEvent({ method: 'GET', path: '/queue', headers: { 'If-None-Match': first.headers.etag as string } }), lambdaContext);
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(first.headers.etag);
  });

  it('leaves POSTs and errors alone', async () => {
    const post = await handler(apiEvent({ method: 'POST', path: '/cases/c/steps/s/complete' }), lambdaContext);
    expect(post.headers.etag).toBeUndefined();
    const failing = httpHandler(() => Promise.resolve(jsonResponse(404, { error: { code: 'CaseNotFound', message: 'x' } })), { logger: silentLogger() });
    expect((await failing(apiEvent({ method: 'GET', path: '/cases/x' }), lambdaContext)).headers.etag).toBeUndefined();
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    expect(matchesIfNoneMatch('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('"a"', '"b"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, '"b"')).toBe(false);
  });
});
