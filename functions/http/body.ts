/** Reading request bodies of API Gateway v2 events: the raw bytes as sent, and JSON with a clear 400, 413 or 415. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { PayloadTooLarge } from '../../core/json/errors.ts';
import { jsonLimitIssues } from '../../core/json/limits.ts';
import { InvalidRequest, MalformedJson } from './errors.ts';
import { headerOf } from './event.ts';
import { STAFF_REQUEST_LIMITS, type RequestLimits } from './limits.ts';
import { requireJsonMediaType } from './media-type.ts';

type BodyEvent = Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded'>;

/** The body exactly as the client sent it (API Gateway base64-encodes non-text bodies). */
export function rawBody(event: BodyEvent): Buffer {
  if (event.body === undefined || event.body === null) return Buffer.alloc(0);
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

/**
 * The body parsed as JSON and checked against `limits` (size, depth, lengths, counts, reserved
 * keys); an absent body is `undefined` (no Content-Type needed). A body sent as anything but
 * `application/json` is refused before it is read (media-type.ts). Throws `PayloadTooLarge` (413),
 * `UnsupportedMediaType` (415), `MalformedJson` or `InvalidRequest` (400).
 */
export function jsonBody(event: BodyEvent & Pick<APIGatewayProxyEventV2, 'headers'>, limits: RequestLimits = STAFF_REQUEST_LIMITS): unknown {
  const raw = rawBody(event);
  if (raw.length === 0) return undefined;
  if (raw.length > limits.maxBodyBytes) throw new PayloadTooLarge(raw.length, limits.maxBodyBytes);
  requireJsonMediaType(headerOf(event, 'content-type'));
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new MalformedJson();
  }
  const breaches = jsonLimitIssues(json, limits, 'body');
  if (breaches.length > 0) throw new InvalidRequest(breaches);
  return json;
}
