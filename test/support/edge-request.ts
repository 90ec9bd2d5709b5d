/**
 * Requests to the edge port as a raw HTTP client makes them (node:http: no SDK, nothing added),
 * unsigned or signed with the AWS SDK's own SigV4 signer, to test what the edge accepts.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { EdgeCredentials } from '../../local/edge/credentials.ts';
import { Sha256 } from '../../local/edge/sigv4.ts';

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  /** Path and query, already encoded. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Sends exactly these headers (plus `host` and `content-length` unless given) to `baseUrl`. */
export function rawEdgeRequest(baseUrl: string, init: RawRequest): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  const body = init.body ?? '';
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: init.method ?? 'POST', path: init.path, headers: { 'content-length': String(Buffer.byteLength(body)), ...init.headers }, setHost: init.headers?.host === undefined },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The request signed by the SDK's signer for `service` (header form) with `credentials`, then sent raw. */
export async function signedEdgeRequest(baseUrl: string, service: string, credentials: EdgeCredentials, init: RawRequest & { region?: string; signingDate?: Date }): Promise<RawAnswer> {
  const headers = await signedHeaders(baseUrl, service, credentials, init);
  return rawEdgeRequest(baseUrl, { ...init, headers });
}

/** The headers (host and Authorization included) the SDK's signer gives this request. */
export async function signedHeaders(baseUrl: string, service: string, credentials: EdgeCredentials, init: RawRequest & { region?: string; signingDate?: Date }): Promise<Record<string, string>> {
  const url = new URL(baseUrl);
  const signer = new SignatureV4({ service, region: init.region ?? 'us-east-1', credentials, sha256: Sha256, applyChecksum: false });
  const [path = '/', search = ''] = init.path.split('?');
  const query = Object.fromEntries(new URLSearchParams(search));
  const signed = await signer.sign(
    { method: init.method ?? 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path, query, headers: { host: url.host, ...init.headers }, ...(init.body !== undefined ? { body: init.body } : {}) },
    init.signingDate ? { signingDate: init.signingDate } : {},
  );
  return signed.headers;
}
