/**
 * Conditional GETs for the API's JSON reads (RFC 9110 §8.8.3, §13.1.2): a 200 answer to a GET
 * carries a strong `ETag` of its body and `Cache-Control: private, no-cache`, so a browser keeps it
 * and revalidates every time; a request whose `If-None-Match` names the current ETag gets 304 with
 * no body. The console polls its queue this way: an unchanged queue costs a header, not a body.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { MiddlewareObj } from '@middy/core';
import { headerOf, type ApiEvent } from './event.ts';
import type { HttpResponse } from './response.ts';

export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** `If-None-Match` matches when it is `*` or lists the ETag (weak comparison, as §13.1.2 asks for GET). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export function conditionalGet<E extends ApiEvent>(): MiddlewareObj<E, HttpResponse, Error, Context> {
  return {
    after: (request) => {
      const response = request.response;
      if (request.event.requestContext?.http?.method !== 'GET' || !response || response.statusCode !== 200 || response.isBase64Encoded) return;
      const etag = etagOf(response.body);
      const headers = { ...response.headers, etag, 'cache-control': 'private, no-cache' };
      request.response = matchesIfNoneMatch(headerOf(request.event, 'if-none-match'), etag) ? { statusCode: 304, headers, body: '' } : { ...response, headers };
    },
  };
}
