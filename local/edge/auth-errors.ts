/**
 * How each emulated service refuses a request it cannot authenticate: the status and error code
 * the real service answers, in its own protocol, so an SDK throws the same named exception.
 *
 * - DynamoDB, Step Functions, EventBridge (AWS JSON 1.0/1.1): 400 with `__type`
 *   `UnrecognizedClientException` (unknown key), `InvalidSignatureException` (bad or expired
 *   signature), `MissingAuthenticationTokenException`, `IncompleteSignatureException` —
 *   DynamoDB Developer Guide, "Error handling with DynamoDB" (every authentication error is a 400).
 * - SQS (AWS JSON 1.0, query-compatible): `InvalidClientTokenId` 403, `SignatureDoesNotMatch` 403,
 *   `MissingAuthenticationToken` 403, `IncompleteSignature` 400 — Amazon SQS API Reference,
 *   "Common Errors"; the code is repeated in `x-amzn-query-error` as SQS's JSON protocol does.
 * - Lambda, EventBridge Scheduler (REST-JSON): 403 with `x-amzn-errortype`
 *   `UnrecognizedClientException`, `InvalidSignatureException`, `MissingAuthenticationTokenException`,
 *   `IncompleteSignatureException` — AWS Lambda API Reference, "Common Errors"
 *   (UnrecognizedClientException and IncompleteSignature: 403).
 */
import { randomUUID } from 'node:crypto';
import type { SigV4FailureKind } from './sigv4.ts';

export interface EdgeRefusal {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface Protocol {
  contentType: string;
  status: Record<SigV4FailureKind, number>;
  code: Record<SigV4FailureKind, string>;
  render(code: string, message: string, status: number): Pick<EdgeRefusal, 'headers' | 'body'>;
}

const CORAL_CODES: Record<SigV4FailureKind, string> = {
  missing: 'MissingAuthenticationTokenException',
  incomplete: 'IncompleteSignatureException',
  'unknown-key': 'UnrecognizedClientException',
  'bad-signature': 'InvalidSignatureException',
  expired: 'InvalidSignatureException',
};

const all = (status: number): Record<SigV4FailureKind, number> => ({ missing: status, incomplete: status, 'unknown-key': status, 'bad-signature': status, expired: status });

const coralJson = (contentType: string): Protocol => ({
  contentType,
  status: all(400),
  code: CORAL_CODES,
  render: (code, message) => ({ headers: {}, body: JSON.stringify({ __type: `com.amazon.coral.service#${code}`, message }) }),
});

const restJson: Protocol = {
  contentType: 'application/json',
  status: all(403),
  code: CORAL_CODES,
  render: (code, message) => ({ headers: { 'x-amzn-errortype': `${code}:http://internal.amazon.com/coral/com.amazon.coral.service/` }, body: JSON.stringify({ message, Message: message }) }),
};

const sqsJson: Protocol = {
  contentType: 'application/x-amz-json-1.0',
  status: { missing: 403, incomplete: 400, 'unknown-key': 403, 'bad-signature': 403, expired: 403 },
  code: { missing: 'MissingAuthenticationToken', incomplete: 'IncompleteSignature', 'unknown-key': 'InvalidClientTokenId', 'bad-signature': 'SignatureDoesNotMatch', expired: 'SignatureDoesNotMatch' },
  render: (code, message) => ({ headers: { 'x-amzn-query-error': `${code};Sender` }, body: JSON.stringify({ __type: `com.amazon.coral.service#${code}`, message }) }),
};

/** By the edge service's name (its signing name). */
const PROTOCOLS: Record<string, Protocol> = {
  dynamodb: coralJson('application/x-amz-json-1.0'),
  states: coralJson('application/x-amz-json-1.0'),
  events: coralJson('application/x-amz-json-1.1'),
  sqs: sqsJson,
  lambda: restJson,
  scheduler: restJson,
};

/** The answer `service` gives for an authentication failure of this kind. */
export function authRefusal(service: string, kind: SigV4FailureKind, message: string): EdgeRefusal {
  const protocol = PROTOCOLS[service] ?? coralJson('application/json');
  const status = protocol.status[kind];
  const { headers, body } = protocol.render(protocol.code[kind], message, status);
  return { status, headers: { 'content-type': protocol.contentType, 'x-amzn-requestid': randomUUID(), ...headers }, body };
}
