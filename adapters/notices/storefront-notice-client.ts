/**
 * Posts a customer notice to the storefront's notice webhook, signed `X-Platform-Signature` on the
 * real clock the caller passes (the storefront checks freshness against its own, as the platform
 * does for inbound webhooks). Never throws: a network failure or timeout is a failed post.
 */
import { PLATFORM_SIGNATURE_HEADER, signPlatformPayload } from '../../core/notices/signing.ts';
import type { CustomerNotice } from '../../core/notices/notice.ts';

export interface NoticePost {
  url: string;
  secret: string;
  notice: CustomerNotice;
  /** Real epoch ms for the signature timestamp. */
  realNow: number;
}

/** `delivered` on any 2xx; otherwise why not (`HTTP 401 …`, `network: …`), kept with a dead letter. */
export type NoticePostResult = { delivered: true; status: number } | { delivered: false; reason: string };

export async function postNotice(post: NoticePost, timeoutMs = 10_000): Promise<NoticePostResult> {
  const body = JSON.stringify(post.notice);
  try {
    const response = await fetch(post.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', [PLATFORM_SIGNATURE_HEADER]: signPlatformPayload(post.secret, body, post.realNow) },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    if (response.ok) return { delivered: true, status: response.status };
    return { delivered: false, reason: `HTTP ${response.status} ${text.slice(0, 200)}`.trim() };
  } catch (error) {
    return { delivered: false, reason: `network: ${(error as Error).message}` };
  }
}
