/**
 * Test support for the HTTP functions: API Gateway HTTP API v2 events as the gateway sends them
 * and a Lambda context. Their dependencies come from `useHarness` (../harness.ts).
 */
import type { Context } from 'aws-lambda';
import type { ApiEvent, ClaimValue } from '../../../functions/http/event.ts';
import type { HttpResponse } from '../../../functions/http/response.ts';

export const lambdaContext = {
  functionName: 'sla-platform-test',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:sla-platform-test',
  memoryLimitInMB: '256',
  awsRequestId: 'req-1',
  logGroupName: 'g',
  logStreamName: 's',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 30_000,
} as unknown as Context;

export interface EventInput {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** Staff claims (as the JWT authorizer passes them); none for public routes. */
  claims?: Record<string, ClaimValue>;
  now?: number;
}

export function apiEvent(input: EventInput): ApiEvent {
  const query = input.query ?? {};
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: input.path,
    rawQueryString: new URLSearchParams(query).toString(),
    headers: { 'content-type': 'application/json', ...(input.headers ?? {}) },
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: input.method, path: input.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'r-1',
      routeKey: '$default',
      stage: '$default',
      time: new Date(input.now ?? 0).toUTCString(),
      timeEpoch: input.now ?? 0,
      ...(input.claims ? { authorizer: { jwt: { claims: input.claims, scopes: [] } } } : {}),
    },
    ...(input.body !== undefined ? { body: input.body } : {}),
    isBase64Encoded: false,
  };
}

/** Claims of a staff member, `cognito:groups` flattened the way API Gateway passes array claims. */
export function staffClaims(user: string, ...roles: string[]): Record<string, ClaimValue> {
  return { sub: user, 'cognito:username': user, 'cognito:groups': `[${roles.join(' ')}]` };
}

export function bodyOf(response: HttpResponse): Record<string, unknown> {
  return JSON.parse(response.body) as Record<string, unknown>;
}

export function errorOf(response: HttpResponse): { code: string; message: string } {
  return (bodyOf(response) as { error: { code: string; message: string } }).error;
}
