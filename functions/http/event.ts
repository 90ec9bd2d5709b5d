/**
 * The API Gateway HTTP API (payload 2.0) event the API functions receive. Staff routes carry the
 * JWT authorizer's claims; public routes (webhook, health, OpenAPI) carry none, so the authorizer
 * is optional here.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export type ClaimValue = string | number | boolean | string[];

export type ApiEvent = Omit<APIGatewayProxyEventV2, 'requestContext'> & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Record<string, ClaimValue>; scopes?: string[] | null } };
  };
};

/** A header by name, whatever its case (API Gateway lower-cases them; tests and tools may not). */
export function headerOf(event: Pick<ApiEvent, 'headers'>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

export function queryOf(event: Pick<ApiEvent, 'queryStringParameters'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(event.queryStringParameters ?? {})) if (value !== undefined) out[key] = value;
  return out;
}
