import { describe, expect, it, vi } from 'vitest';
import { jsonBody } from '../../../functions/http/body.ts';
import { errorResponse } from '../../../functions/http/error-response.ts';
import { httpHandler } from '../../../functions/http/handler.ts';
import { jsonResponse } from '../../../functions/http/response.ts';
import { Router } from '../../../functions/http/router.ts';
import { silentLogger } from '../../../functions/shared/logger.ts';
import { CaseNotFound } from '../../../core/cases/errors.ts';
import { apiEvent, bodyOf, errorOf, lambdaContext } from './api-support.ts';

const quiet = { error: () => undefined, warn: () => undefined };

describe('HTTP plumbing', () => {
  it('maps a domain error to its status with its name and message', () => {
    const response = errorResponse(new CaseNotFound('c-1'), quiet);
    expect(response.statusCode).toBe(404);
    expect(bodyOf(response)).toEqual({ error: { code: 'CaseNotFound', message: 'case c-1 does not exist' } });
  });

  it('answers an unexpected error with 500 "internal error" and logs the real one', () => {
    const log = { error: vi.fn(), warn: vi.fn() };
    const response = errorResponse(new TypeError('secret table name leaked'), log);
    expect(response.statusCode).toBe(500);
    expect(errorOf(response)).toEqual({ code: 'InternalError', message: 'internal error' });
    expect(log.error).toHaveBeenCalledTimes(1);
  });

  it('refuses a body that is not JSON with 400 MalformedJson naming the body', () => {
    const headers = { 'content-type': 'application/json' };
    expect(() => jsonBody({ body: '{"a":', isBase64Encoded: false, headers })).toThrow(expect.objectContaining({ name: 'MalformedJson', status: 400, message: 'body: not valid JSON' }));
    expect(jsonBody({ body: Buffer.from('{"a":1}').toString('base64'), isBase64Encoded: true, headers })).toEqual({ a: 1 });
    expect(jsonBody({ body: undefined, isBase64Encoded: false, headers })).toBeUndefined();
  });

  it('refuses a body sent as another media type with 415 naming the Content-Type, before reading it', () => {
    const refusal = (contentType: string | undefined) => () => jsonBody({ body: '{"a":', isBase64Encoded: false, headers: contentType === undefined ? {} : { 'Content-Type': contentType } });
    expect(refusal('text/plain;charset=UTF-8')).toThrow(expect.objectContaining({ name: 'UnsupportedMediaType', status: 415, message: 'Content-Type: "text/plain;charset=UTF-8" is not accepted; send application/json (UTF-8)' }));
    expect(refusal(undefined)).toThrow(expect.objectContaining({ name: 'UnsupportedMediaType', message: 'Content-Type: is missing; send application/json (UTF-8)' }));
    // Accepted types reach the parser (whose 400 shows the media type passed).
    expect(refusal('Application/JSON; charset="utf-8"')).toThrow(expect.objectContaining({ name: 'MalformedJson' }));
    // No body, no media type to check: a POST without content needs no Content-Type.
    expect(jsonBody({ body: '', isBase64Encoded: false, headers: { 'content-type': 'text/plain' } })).toBeUndefined();
  });

  it('routes by method and path template, with 404 for an unknown path and 405 for a wrong method', async () => {
    const router = new Router([{ method: 'POST', path: '/cases/{caseId}/steps/{step}/complete', handle: ({ params }) => Promise.resolve(jsonResponse(200, params)) }]);
    const handler = httpHandler((event) => router.handle(event), { logger: silentLogger() });

    const ok = await handler(apiEvent({ method: 'POST', path: '/cases/order-1/steps/order.pack/complete' }), lambdaContext);
    expect(bodyOf(ok)).toEqual({ caseId: 'order-1', step: 'order.pack' });
    const unknown = await handler(apiEvent({ method: 'POST', path: '/nowhere' }), lambdaContext);
    expect([unknown.statusCode, errorOf(unknown).code]).toEqual([404, 'RouteNotFound']);
    const wrongMethod = await handler(apiEvent({ method: 'GET', path: '/cases/order-1/steps/order.pack/complete' }), lambdaContext);
    expect([wrongMethod.statusCode, errorOf(wrongMethod).code]).toEqual([405, 'MethodNotAllowed']);
  });
});
