/**
 * The platform as its users reach it, over HTTP: the storefront posting signed webhooks and staff
 * calling the API with their tokens. The demo's simulated store and the end-to-end tests both
 * use it, so both exercise exactly the public contract of api.md.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { SIGNATURE_HEADER, signStorefrontPayload } from '../../core/storefront/signature.ts';
import type { Clock } from '../../core/time/clock.ts';
import type { caseView, queueItem } from '../../functions/staff-api/schemas.ts';
import { issueToken, TOKEN_LIFETIME_SECONDS } from '../identity/tokens.ts';

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

export interface PlatformClientOptions {
  apiUrl: string;
  webhookSecret: string;
  /** The runtime's JWT signing key: tokens are issued as `npm run token` issues them. */
  signingKey: Uint8Array;
  /** The runtime's clock: events and tokens carry its time. */
  clock: Clock;
  /**
   * The clock webhook signatures carry: a storefront signs with real time, and the platform checks
   * freshness against its real clock even when its business clock is shifted (`npm start --time`).
   * Default `clock` (a runtime on a VirtualClock checks against that).
   */
  signatureClock?: Clock;
}

export class PlatformClient {
  private readonly sessions = new Map<string, StaffSession>();

  constructor(private readonly options: PlatformClientOptions) {}

  /** Posts a signed storefront event; `id` defaults to a fresh one. */
  async storefront(type: string, data: Record<string, unknown>, id: string = `evt-${randomUUID()}`): Promise<ApiAnswer<Record<string, unknown>>> {
    const occurredAt = new Date(this.options.clock.now()).toISOString();
    const body = JSON.stringify({ id, type, occurredAt, data });
    const signature = signStorefrontPayload({ secret: this.options.webhookSecret, timestamp: Math.floor((this.options.signatureClock ?? this.options.clock).now() / 1000), body });
    return request(`${this.options.apiUrl}/webhooks/storefront`, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature }, body });
  }

  /** A staff member with these roles; one session per user. */
  staff(user: string, roles: readonly string[]): StaffSession {
    let session = this.sessions.get(user);
    if (!session) {
      session = new StaffSession(this.options, user, roles);
      this.sessions.set(user, session);
    }
    return session;
  }
}

export type QueueItem = z.infer<typeof queueItem>;
export type CaseView = z.infer<typeof caseView>;

export class StaffSession {
  private token: { value: string; issuedAt: number } | undefined;

  constructor(
    private readonly options: PlatformClientOptions,
    readonly user: string,
    readonly roles: readonly string[],
  ) {}

  async queue(): Promise<QueueItem[]> {
    const answer = await this.call<{ items: QueueItem[] }>('GET', '/queue');
    if (answer.status !== 200) throw new Error(`GET /queue as ${this.user}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.items;
  }

  getCase(caseId: string): Promise<ApiAnswer<CaseView>> {
    return this.call('GET', `/cases/${encodeURIComponent(caseId)}`);
  }

  complete(caseId: string, step: string, body: { outcome?: string; fields?: Record<string, unknown> } = {}): Promise<ApiAnswer<Record<string, unknown>>> {
    return this.call('POST', `/cases/${encodeURIComponent(caseId)}/steps/${encodeURIComponent(step)}/complete`, body);
  }

  pause(caseId: string, step: string, body: { reason: string; until?: string }): Promise<ApiAnswer<Record<string, unknown>>> {
    return this.call('POST', `/cases/${encodeURIComponent(caseId)}/steps/${encodeURIComponent(step)}/pause`, body);
  }

  runPickups(): Promise<ApiAnswer<Record<string, unknown>>> {
    return this.call('POST', '/pickups/run', {});
  }

  /** `GET /reports/sla`; `csv` asks for `text/csv`. */
  report(query: { from: string; to: string; groupBy: string }, csv = false): Promise<ApiAnswer<unknown>> {
    return this.call('GET', `/reports/sla?${new URLSearchParams(query).toString()}`, undefined, csv ? { accept: 'text/csv' } : {});
  }

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer<T>> {
    return request<T>(`${this.options.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${await this.bearer()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  /** A token valid at the clock's time: re-issued halfway through its lifetime, as a client refreshes it. */
  private async bearer(): Promise<string> {
    const nowSeconds = Math.floor(this.options.clock.now() / 1000);
    if (!this.token || nowSeconds - this.token.issuedAt > TOKEN_LIFETIME_SECONDS / 2 || nowSeconds < this.token.issuedAt) {
      this.token = { value: await issueToken({ user: this.user, roles: this.roles, key: this.options.signingKey, nowSeconds }), issuedAt: nowSeconds };
    }
    return this.token.value;
  }
}

async function request<T>(url: string, init: RequestInit): Promise<ApiAnswer<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, body: (type.includes('json') && text ? JSON.parse(text) : text) as T };
}
