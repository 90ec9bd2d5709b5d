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
    expect(() => jsonBody({ body: '{"a":', isBase64Encoded: false })).toThrow(expect.objectContaining({ name: 'MalformedJson', status: 400, message: 'body: not valid JSON' }));
    expect(jsonBody({ body: Buffer.from('{"a":1}').toString('base64'), isBase64Encoded: true })).toEqual({ a: 1 });
    expect(jsonBody({ body: undefined, isBase64Encoded: false })).toBeUndefined();
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
