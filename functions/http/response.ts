/** The API's responses: API Gateway HTTP API v2 structured results with a JSON (or CSV) body. */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type HttpResponse = APIGatewayProxyStructuredResultV2 & { statusCode: number; body: string; headers: Record<string, string> };

export function jsonResponse(status: number, body: unknown): HttpResponse {
  return { statusCode: status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

export function csvResponse(status: number, csv: string, filename?: string): HttpResponse {
  return {
    statusCode: status,
    headers: { 'content-type': 'text/csv; charset=utf-8', ...(filename !== undefined ? { 'content-disposition': `attachment; filename="${filename}"` } : {}) },
    body: csv,
  };
}
