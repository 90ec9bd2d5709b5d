/**
 * Signature Version 4 verification of a raw request, as an AWS endpoint does it: the header form
 * (`Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` with `X-Amz-Date`)
 * and the presigned form (`X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-Expires`,
 * `X-Amz-SignedHeaders`, `X-Amz-Signature` in the query).
 *
 * The expected signature is computed by the AWS SDK's own signer (@smithy/signature-v4): its
 * canonical path, query and headers, its string to sign and its signing-key derivation, so that
 * what the SDK signs and what the edge checks cannot drift apart. This file only parses what the
 * client claims and checks it against the request (AWS General Reference, "Create a signed AWS
 * API request" / "Elements of an AWS API request signature"):
 * - the credential scope names this key, the request's day, region `us-east-1`, the routed
 *   service's signing name and `aws4_request`;
 * - `X-Amz-Date` is within 15 minutes of now (a presigned URL: not before its date − 15 min, not
 *   after its date + `X-Amz-Expires` seconds, at most 604800);
 * - `host` is signed, and so is every `x-amz-*` header sent (they select the operation);
 * - the payload hash is the SHA-256 of the body actually received; `UNSIGNED-PAYLOAD` only where
 *   the service permits it (Amazon S3 does; none of the emulated services does).
 */
import { createHmac, hash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ALGORITHM_IDENTIFIER, getCanonicalHeaders, SignatureV4, UNSIGNED_PAYLOAD } from '@smithy/signature-v4';
import type { HeaderBag, HttpRequest } from '@smithy/types';
import type { EdgeCredentials } from './credentials.ts';

/** Why a request was refused; each maps to a service's own error code (local/edge/auth-errors.ts). */
export type SigV4FailureKind = 'missing' | 'incomplete' | 'unknown-key' | 'bad-signature' | 'expired';

export interface SigV4Failure {
  kind: SigV4FailureKind;
  /** AWS's wording where it is known. */
  message: string;
}

export interface SigV4Request {
  method: string;
  /** Path and query as received, undecoded. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Uint8Array;
}

export interface SigV4Expectation {
  /** The routed service's signing name: `dynamodb`, `states`, `events`, `scheduler`, `sqs`, `lambda`. */
  service: string;
  region: string;
  credentials: EdgeCredentials;
  /** Epoch ms of the real clock (the SDK signs with the machine's clock, not a rehearsal's). */
  now: number;
  /** Whether the service accepts `UNSIGNED-PAYLOAD` (AWS: S3 only). */
  unsignedPayload?: boolean;
}

/** AWS's allowed skew between `X-Amz-Date` and the server's clock. */
export const MAX_SKEW_MS = 15 * 60_000;
/** The longest `X-Amz-Expires` of a presigned URL (one week). */
export const MAX_PRESIGNED_SECONDS = 604_800;

const MISMATCH = 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** Undefined when the request is signed by `credentials` for this service and region; the reason otherwise. */
export async function verifySigV4(request: SigV4Request, expected: SigV4Expectation): Promise<SigV4Failure | undefined> {
  const { path, query } = splitUrl(request.url);
  const authorization = header(request.headers, 'authorization');
  const presigned = query['X-Amz-Algorithm'] !== undefined || query['X-Amz-Signature'] !== undefined || query['X-Amz-Credential'] !== undefined;
  if (authorization === undefined && !presigned) return { kind: 'missing', message: 'Request is missing Authentication Token' };
  if (authorization !== undefined && presigned) return incomplete('Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified');
  const claim = authorization !== undefined ? headerClaim(authorization, request.headers) : queryClaim(query);
  if ('kind' in claim) return claim;

  const scope = claim.credential.split('/');
  if (scope.length !== 5) return incomplete(`Credential should have exactly 5 slash-separated components: ${claim.credential}`);
  const [accessKeyId, day, region, service, terminator] = scope as [string, string, string, string, string];
  if (!sameText(accessKeyId, expected.credentials.accessKeyId)) return { kind: 'unknown-key', message: 'The security token included in the request is invalid.' };
  if (day !== claim.date.slice(0, 8)) return bad(`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${day}' != '${claim.date.slice(0, 8)}', from '${claim.date}'.`);
  if (region !== expected.region) return bad(`Credential should be scoped to a valid region, not '${region}'.`);
  if (service !== expected.service) return bad(`Credential should be scoped to correct service: '${expected.service}'.`);
  if (terminator !== 'aws4_request') return bad(`Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`);

  const signedAt = parseAmzDate(claim.date);
  if (signedAt === undefined) return incomplete(`X-Amz-Date must be in the ISO-8601 basic format yyyyMMdd'T'HHmmss'Z', not '${claim.date}'.`);
  const stale = freshness(signedAt, claim.expiresSeconds, expected.now);
  if (stale) return stale;

  const signed = claim.signedHeaders.split(';');
  if (!signed.includes('host')) return bad("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  const unsignedAmz = Object.keys(request.headers).find((name) => name.startsWith('x-amz-') && !signed.includes(name));
  if (unsignedAmz !== undefined) return bad(`Header '${unsignedAmz}' must be signed.`);
  const headers: HeaderBag = {};
  for (const name of signed) {
    const value = header(request.headers, name);
    if (value === undefined) return bad(`The header '${name}' is signed but was not sent.`);
    headers[name] = value;
  }

  const payloadHash = hash('sha256', request.body, 'hex');
  const claimedHash = header(request.headers, 'x-amz-content-sha256');
  let hashToSign = payloadHash;
  if (claimedHash === UNSIGNED_PAYLOAD && expected.unsignedPayload) hashToSign = UNSIGNED_PAYLOAD;
  else if (claimedHash !== undefined && claimedHash !== payloadHash) return bad("The provided 'x-amz-content-sha256' header does not match what was computed.");

  const signer = new EdgeSigner({ service, region, credentials: expected.credentials, sha256: Sha256 });
  const toSign: HttpRequest = { method: request.method, protocol: 'http:', hostname: headers.host ?? '', path, query: withoutSignature(query), headers };
  const canonicalHeaders = getCanonicalHeaders(toSign, undefined, new Set(signed));
  if (Object.keys(canonicalHeaders).sort().join(';') !== claim.signedHeaders) return bad(`SignedHeaders must be lower-case, sorted and ';'-separated: '${claim.signedHeaders}'.`);
  const signature = await signer.signatureOf(toSign, canonicalHeaders, hashToSign, claim.date, new Date(signedAt));
  return sameText(signature, claim.signature) ? undefined : bad(MISMATCH);
}

/** The SDK's signer, with its canonical-request steps made callable on a request already signed. */
class EdgeSigner extends SignatureV4 {
  private readonly regionName: string;

  constructor(init: { service: string; region: string; credentials: EdgeCredentials; sha256: typeof Sha256 }) {
    super(init);
    this.regionName = init.region;
  }

  async signatureOf(request: HttpRequest, canonicalHeaders: HeaderBag, payloadHash: string, longDate: string, signingDate: Date): Promise<string> {
    const scope = `${longDate.slice(0, 8)}/${this.regionName}/${this.service}/aws4_request`;
    const canonicalRequest = this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
    const stringToSign = await this.createStringToSign(longDate, scope, canonicalRequest, ALGORITHM_IDENTIFIER);
    return this.sign(stringToSign, { signingDate, signingRegion: this.regionName, signingService: this.service });
  }
}

/** Node's SHA-256 in the shape the SDK's signer takes (a Smithy `Checksum` constructor; keyed: HMAC). */
export class Sha256 {
  private readonly hmac;
  /** Unkeyed: the data, hashed at once by `digest` (crypto.hash, no Hash object per request). */
  private readonly chunks: (string | Uint8Array)[] = [];
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hmac = secret === undefined ? undefined : createHmac('sha256', typeof secret === 'string' ? secret : bytesOf(secret));
  }

  update(data: string | Uint8Array): void {
    if (this.hmac) this.hmac.update(data);
    else this.chunks.push(data);
  }

  digest(): Promise<Uint8Array> {
    if (this.hmac) return Promise.resolve(new Uint8Array(this.hmac.digest()));
    const data = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
    return Promise.resolve(new Uint8Array(hash('sha256', data, 'buffer')));
  }
}

function bytesOf(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  return ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
}

interface Claim {
  credential: string;
  signedHeaders: string;
  signature: string;
  date: string;
  /** Presigned form only. */
  expiresSeconds?: number;
}

function headerClaim(authorization: string, headers: IncomingHttpHeaders): Claim | SigV4Failure {
  const [algorithm, ...rest] = authorization.trim().split(/\s+/);
  if (algorithm !== ALGORITHM_IDENTIFIER) return incomplete(`Unsupported AWS 'algorithm': '${String(algorithm)}'`);
  const fields = new Map<string, string>();
  for (const part of rest.join('').split(',')) {
    const at = part.indexOf('=');
    if (at > 0) fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  for (const name of ['Credential', 'SignedHeaders', 'Signature']) {
    if (!fields.get(name)) return incomplete(`Authorization header requires '${name}' parameter. Authorization=${authorization}`);
  }
  const date = header(headers, 'x-amz-date');
  if (date === undefined) return incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  return { credential: fields.get('Credential')!, signedHeaders: fields.get('SignedHeaders')!, signature: fields.get('Signature')!, date };
}

function queryClaim(query: Record<string, string>): Claim | SigV4Failure {
  if (query['X-Amz-Algorithm'] !== ALGORITHM_IDENTIFIER) return incomplete(`Unsupported AWS 'algorithm': '${String(query['X-Amz-Algorithm'])}'`);
  for (const name of ['X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature']) {
    if (!query[name]) return incomplete(`AWS query-string parameters must include '${name}'. Re-examine the query-string parameters.`);
  }
  const expires = Number(query['X-Amz-Expires']);
  if (!/^\d+$/.test(query['X-Amz-Expires']!) || expires < 1 || expires > MAX_PRESIGNED_SECONDS) return incomplete(`X-Amz-Expires must be between 1 and ${MAX_PRESIGNED_SECONDS} seconds.`);
  return { credential: query['X-Amz-Credential']!, signedHeaders: query['X-Amz-SignedHeaders']!, signature: query['X-Amz-Signature']!, date: query['X-Amz-Date']!, expiresSeconds: expires };
}

function freshness(signedAt: number, expiresSeconds: number | undefined, now: number): SigV4Failure | undefined {
  const stamp = (ms: number): string => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
  if (signedAt - MAX_SKEW_MS > now) return { kind: 'expired', message: `Signature not yet current: ${stamp(signedAt)} is still later than ${stamp(now + MAX_SKEW_MS)} (${stamp(now)} + 15 min.)` };
  const lastValid = expiresSeconds === undefined ? signedAt + MAX_SKEW_MS : signedAt + expiresSeconds * 1000;
  if (now > lastValid) {
    return expiresSeconds === undefined
      ? { kind: 'expired', message: `Signature expired: ${stamp(signedAt)} is now earlier than ${stamp(now - MAX_SKEW_MS)} (${stamp(now)} - 15 min.)` }
      : { kind: 'expired', message: `Signature expired: ${stamp(lastValid)} is now earlier than ${stamp(now)}` };
  }
  return undefined;
}

/** `20261207T150405Z` → epoch ms. */
function parseAmzDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isNaN(ms) ? undefined : ms;
}

/** Path as received (the signer escapes it once more, as SigV4 requires) and the query decoded. */
function splitUrl(url: string): { path: string; query: Record<string, string> } {
  const at = url.indexOf('?');
  const path = at < 0 ? url : url.slice(0, at);
  const query: Record<string, string> = {};
  if (at >= 0) {
    for (const pair of url.slice(at + 1).split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const key = safeDecode(eq < 0 ? pair : pair.slice(0, eq));
      query[key] = safeDecode(eq < 0 ? '' : pair.slice(eq + 1));
    }
  }
  return { path, query };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function withoutSignature(query: Record<string, string>): Record<string, string> {
  const { 'X-Amz-Signature': _signature, ...rest } = query;
  return rest;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function incomplete(message: string): SigV4Failure {
  return { kind: 'incomplete', message };
}

function bad(message: string): SigV4Failure {
  return { kind: 'bad-signature', message };
}
