/**
 * Slack incoming webhook: POST /services/T…/B…/X… with `{"text"}` and optional `blocks`. Errors are
 * HTTP statuses with a short text body: 400 `invalid_payload` (not JSON), 400 `no_text` (neither
 * text nor blocks), 404 `no_service` (unknown webhook), 429 with `Retry-After` beyond about one
 * message a second; success is 200 `ok`.
 */
import { textOf, type PlatformRules } from './platform.ts';

const blockTexts = (blocks: unknown): string[] =>
  Array.isArray(blocks) ? (blocks as Record<string, unknown>[]).map((b) => textOf((b.text as Record<string, unknown> | undefined)?.text)).filter((t): t is string => t !== undefined) : [];

export const slack: PlatformRules = {
  path: (token) => `/services/T0000/B0000/${token}`,
  check(request, settings) {
    if (request.url.pathname !== `/services/T0000/B0000/${settings.token}`) return { status: 404, body: 'no_service' };
    const body = request.json;
    if (body === undefined) return { status: 400, body: 'invalid_payload' };
    const texts = blockTexts(body.blocks);
    const text = texts.length > 0 ? texts.join('\n') : textOf(body.text);
    if (text === undefined || text === '') return { status: 400, body: 'no_text' };
    return text;
  },
  rateLimit: [{ max: 60, windowMs: 60_000, answer: { status: 429, body: 'rate_limited', headers: { 'retry-after': '30' } } }],
  ok: { status: 200, body: 'ok' },
};
