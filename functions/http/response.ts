/** The API's responses: API Gateway HTTP API v2 structured results with a JSON (or CSV) body. */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type HttpResponse = APIGatewayProxyStructuredResultV2 & { statusCode: number; body: string; headers: Record<string, string> };

export function jsonResponse(status: number, body: unknown): HttpResponse {
  return { statusCode: status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

const BOM = '\uFEFF';

/** A CSV download (api.md: UTF-8 with BOM). */
export function csvResponse(status: number, csv: string, filename?: string): HttpResponse {
  return {
    statusCode: status,
    headers: { 'content-type': 'text/csv; charset=utf-8', ...(filename !== undefined ? { 'content-disposition': `attachment; filename="${filename}"` } : {}) },
    // A UTF-8 byte order mark: Excel reads BOM-less CSV in the system code page and garbles Chinese.
    body: csv.startsWith(BOM) ? csv : `${BOM}${csv}`,
  };
}
