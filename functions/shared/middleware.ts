/**
 * Middy wiring shared by the handlers: structured logging with the Lambda context, keys reset per
 * invocation, and every failure logged once before Lambda reports it (and retries).
 */
import middy, { type MiddlewareObj } from '@middy/core';
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { logger as defaultLogger } from './logger.ts';
import { refreshPolicy } from './policy-refresh.ts';

export interface HandlerOptions {
  logger?: Logger;
}

/** A middy handler around `fn`, with the platform's standard middlewares. */
export function lambdaHandler<TEvent, TResult>(fn: (event: TEvent, context: Context) => Promise<TResult>, options: HandlerOptions = {}) {
  const log = options.logger ?? defaultLogger;
  return middy<TEvent, TResult, Error, Context>()
    .use(injectLambdaContext(log, { resetKeys: true }))
    .use(logErrors<TEvent, TResult>(log))
    .before(() => refreshPolicy())
    .handler(fn);
}

/** Logs an unhandled error with its name, then lets it propagate. */
export function logErrors<TEvent, TResult>(log: Logger): MiddlewareObj<TEvent, TResult, Error, Context> {
  return {
    onError: (request) => {
      const error = request.error;
      if (error) log.error(`${error.name}: ${error.message}`, { error });
    },
  };
}
