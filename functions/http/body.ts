/** Reading request bodies of API Gateway v2 events: the raw bytes as sent, and JSON with a clear 400. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { MalformedJson } from './errors.ts';

type BodyEvent = Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded'>;

/** The body exactly as the client sent it (API Gateway base64-encodes non-text bodies). */
export function rawBody(event: BodyEvent): Buffer {
  if (event.body === undefined || event.body === null) return Buffer.alloc(0);
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

/** The body parsed as JSON; an absent body is `undefined`. Throws `MalformedJson`. */
export function jsonBody(event: BodyEvent): unknown {
  const raw = rawBody(event);
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new MalformedJson();
  }
}
