import type { IncomingHttpHeaders } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { Sha256, verifySigV4, type SigV4Expectation } from '../../../local/edge/sigv4.ts';

// Requests signed by the AWS SDK's own signer, checked as they arrive on the wire.
const credentials = { accessKeyId: 'LKIAABCDEFGHIJKLMNOP', secretAccessKey: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNl' };
const NOW = Date.parse('2026-12-07T15:00:00Z');
const HOST = '127.0.0.1:4566';
const expectation = (over: Partial<SigV4Expectation> = {}): SigV4Expectation => ({ service: 'dynamodb', region: 'us-east-1', credentials, now: NOW, ...over });

interface Wire {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Uint8Array;
}

function unsignedRequest(over: Partial<HttpRequest> = {}): HttpRequest {
  return {
    method: 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 4566,
    path: '/',
    query: {},
    headers: { host: HOST, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.Scan' },
    body: '{"TableName":"cases"}',
    ...over,
  };
}

/** What the server receives for an SDK-signed request: lower-case headers, the path and query as sent. */
function onTheWire(signed: HttpRequest): Wire {
  const pairs = Object.entries(signed.query ?? {}).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return {
    method: signed.method,
    url: pairs.length ? `${signed.path}?${pairs.join('&')}` : signed.path,
    headers: Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v])),
    body: Buffer.from((signed.body as string | undefined) ?? ''),
  };
}

async function signed(request = unsignedRequest(), options: { service?: string; region?: string; signingDate?: Date; applyChecksum?: boolean } = {}): Promise<Wire> {
  const signer = new SignatureV4({ service: options.service ?? 'dynamodb', region: options.region ?? 'us-east-1', credentials, sha256: Sha256, applyChecksum: options.applyChecksum ?? false });
  return onTheWire(await signer.sign(request, { signingDate: options.signingDate ?? new Date(NOW) }));
}

async function presigned(request: HttpRequest, expiresIn: number, service = 'scheduler'): Promise<Wire> {
  const signer = new SignatureV4({ service, region: 'us-east-1', credentials, sha256: Sha256 });
  return onTheWire(await signer.presign(request, { signingDate: new Date(NOW), expiresIn }));
}

describe('SigV4 verification of a raw request', () => {
  it('accepts a request the SDK signed with the key, with or without the x-amz-content-sha256 header', async () => {
    expect(await verifySigV4(await signed(), expectation())).toBeUndefined();
    expect(await verifySigV4(await signed(unsignedRequest(), { applyChecksum: true }), expectation())).toBeUndefined();
  });

  it('says the token is missing when there is no Authorization header and no X-Amz-Signature', async () => {
    const wire = onTheWire(unsignedRequest());
    expect(await verifySigV4(wire, expectation())).toMatchObject({ kind: 'missing' });
  });

  it('calls an unknown access key id unknown, before looking at the signature', async () => {
    const signer = new SignatureV4({ service: 'dynamodb', region: 'us-east-1', credentials: { ...credentials, accessKeyId: 'AKIAOTHERKEY00000000' }, sha256: Sha256 });
    const wire = onTheWire(await signer.sign(unsignedRequest(), { signingDate: new Date(NOW) }));
    expect(await verifySigV4(wire, expectation())).toMatchObject({ kind: 'unknown-key', message: 'The security token included in the request is invalid.' });
  });

  it('refuses a body changed after signing, and a body whose x-amz-content-sha256 no longer matches', async () => {
    const wire = await signed();
    expect(await verifySigV4({ ...wire, body: Buffer.from('{"TableName":"users"}') }, expectation())).toMatchObject({ kind: 'bad-signature' });
    const hashed = await signed(unsignedRequest(), { applyChecksum: true });
    expect(await verifySigV4({ ...hashed, body: Buffer.from('{"TableName":"users"}') }, expectation())).toMatchObject({ kind: 'bad-signature', message: expect.stringContaining('x-amz-content-sha256') });
  });

  it('refuses UNSIGNED-PAYLOAD where the service does not permit it (only S3 does), and accepts it where told', async () => {
    const wire = await signed(unsignedRequest({ headers: { ...unsignedRequest().headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } }));
    expect(await verifySigV4(wire, expectation())).toMatchObject({ kind: 'bad-signature' });
    expect(await verifySigV4(wire, expectation({ unsignedPayload: true }))).toBeUndefined();
  });

  it('allows 15 minutes of skew either way and no more, as AWS does', async () => {
    const at = (offsetMs: number) => signed(unsignedRequest(), { signingDate: new Date(NOW + offsetMs) });
    expect(await verifySigV4(await at(-14 * 60_000), expectation())).toBeUndefined();
    expect(await verifySigV4(await at(14 * 60_000), expectation())).toBeUndefined();
    expect(await verifySigV4(await at(-16 * 60_000), expectation())).toMatchObject({ kind: 'expired', message: expect.stringMatching(/^Signature expired: 20261207T144400Z is now earlier than 20261207T144500Z/) });
    expect(await verifySigV4(await at(16 * 60_000), expectation())).toMatchObject({ kind: 'expired', message: expect.stringMatching(/^Signature not yet current/) });
  });

  it('refuses a credential scoped to another region or another service', async () => {
    expect(await verifySigV4(await signed(unsignedRequest(), { region: 'eu-west-1' }), expectation())).toMatchObject({ kind: 'bad-signature', message: "Credential should be scoped to a valid region, not 'eu-west-1'." });
    expect(await verifySigV4(await signed(unsignedRequest(), { service: 'states' }), expectation())).toMatchObject({ kind: 'bad-signature', message: "Credential should be scoped to correct service: 'dynamodb'." });
  });

  it('requires host and every x-amz-* header sent to be signed', async () => {
    const withoutHost = await signed(unsignedRequest({ headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.Scan' } }));
    expect(await verifySigV4({ ...withoutHost, headers: { ...withoutHost.headers, host: HOST } }, expectation())).toMatchObject({ kind: 'bad-signature', message: expect.stringContaining("'Host'") });
    const wire = await signed();
    expect(await verifySigV4({ ...wire, headers: { ...wire.headers, 'x-amz-invocation-type': 'Event' } }, expectation())).toMatchObject({ kind: 'bad-signature', message: "Header 'x-amz-invocation-type' must be signed." });
  });

  it('refuses a changed operation (X-Amz-Target) or a changed Host', async () => {
    const wire = await signed();
    expect(await verifySigV4({ ...wire, headers: { ...wire.headers, 'x-amz-target': 'DynamoDB_20120810.DeleteTable' } }, expectation())).toMatchObject({ kind: 'bad-signature' });
    expect(await verifySigV4({ ...wire, headers: { ...wire.headers, host: 'localhost:4566' } }, expectation())).toMatchObject({ kind: 'bad-signature' });
  });

  it('calls a malformed Authorization header incomplete', async () => {
    const wire = await signed();
    const auth = String(wire.headers.authorization);
    expect(await verifySigV4({ ...wire, headers: { ...wire.headers, authorization: auth.replace(/, Signature=\w+/, '') } }, expectation())).toMatchObject({ kind: 'incomplete' });
    expect(await verifySigV4({ ...wire, headers: { ...wire.headers, authorization: auth.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA1') } }, expectation())).toMatchObject({ kind: 'incomplete' });
  });

  it('checks a path with encoded characters (a Lambda ARN) and a query as SigV4 canonicalises them', async () => {
    const invoke = unsignedRequest({ path: `/2015-03-31/functions/${encodeURIComponent('arn:aws:lambda:us-east-1:000000000000:function:sla-platform-staff-api')}/invocations`, headers: { host: HOST }, body: '{}' });
    expect(await verifySigV4(await signed(invoke, { service: 'lambda' }), expectation({ service: 'lambda' }))).toBeUndefined();
    const list = unsignedRequest({ method: 'GET', path: '/schedules', query: { NamePrefix: 'sla timer/1', MaxResults: '5' }, headers: { host: HOST }, body: '' });
    const wire = await signed(list, { service: 'scheduler' });
    expect(await verifySigV4(wire, expectation({ service: 'scheduler' }))).toBeUndefined();
    expect(await verifySigV4({ ...wire, url: wire.url.replace('MaxResults=5', 'MaxResults=100') }, expectation({ service: 'scheduler' }))).toMatchObject({ kind: 'bad-signature' });
  });

  it('accepts a presigned URL until X-Amz-Expires runs out, and not a changed one', async () => {
    const list = unsignedRequest({ method: 'GET', path: '/schedules', query: { MaxResults: '5' }, headers: { host: HOST }, body: '' });
    const wire = await presigned(list, 300);
    expect(wire.headers.authorization).toBeUndefined();
    expect(wire.url).toContain('X-Amz-Signature=');
    expect(await verifySigV4(wire, expectation({ service: 'scheduler' }))).toBeUndefined();
    expect(await verifySigV4(wire, expectation({ service: 'scheduler', now: NOW + 301_000 }))).toMatchObject({ kind: 'expired' });
    expect(await verifySigV4({ ...wire, url: wire.url.replace('MaxResults=5', 'MaxResults=6') }, expectation({ service: 'scheduler' }))).toMatchObject({ kind: 'bad-signature' });
    expect(await verifySigV4({ ...wire, headers: { ...wire.headers, authorization: 'AWS4-HMAC-SHA256 Credential=x' } }, expectation({ service: 'scheduler' }))).toMatchObject({ kind: 'incomplete' });
  });
});
