/**
 * Middy wiring of an HTTP API function: Powertools logging with the Lambda context (keys reset
 * per request), conditional GETs (ETag, 304: etag.ts), and every error turned into api.md's error body — its message shown below 500,
 * "internal error" (and the real error in the log) at 500.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger as defaultLogger } from '../shared/logger.ts';
import { refreshPolicy } from '../shared/policy-refresh.ts';
import { errorResponse } from './error-response.ts';
import { conditionalGet } from './etag.ts';
import type { ApiEvent } from './event.ts';
import type { HttpResponse } from './response.ts';

export interface HttpHandlerOptions {
  logger?: Logger;
  /** Where refused and failed requests are logged (default: `logger`); read per request, so tests can install a silent one. */
  errorLog?: () => Pick<Logger, 'error' | 'warn'>;
}

export function httpHandler<E extends ApiEvent>(fn: (event: E, context: Context) => Promise<HttpResponse>, options: HttpHandlerOptions = {}) {
  const log = options.logger ?? defaultLogger;
  return middy<E, HttpResponse, Error, Context>()
    .use(injectLambdaContext(log, { resetKeys: true }))
    .use(httpErrors<E>(() => errorLogOr(options.errorLog, log)))
    .use(conditionalGet<E>())
    // The policy version in force, checked at most once a minute (functions/shared/policy-cache.ts).
    .before(() => refreshPolicy())
    .handler(fn);
}

/** Answers with the error body instead of failing the invocation (a failed invocation is a bare 500 at API Gateway). */
export function httpErrors<E>(log: () => Pick<Logger, 'error' | 'warn'>): MiddlewareObj<E, HttpResponse, Error, Context> {
  return {
    onError: (request) => {
      request.response = errorResponse(request.error, log());
    },
  };
}

/** The configured error log, or the function's logger when that cannot be built (e.g. a missing variable). */
function errorLogOr(errorLog: (() => Pick<Logger, 'error' | 'warn'>) | undefined, fallback: Logger): Pick<Logger, 'error' | 'warn'> {
  if (!errorLog) return fallback;
  try {
    return errorLog();
  } catch {
    return fallback;
  }
}
