/**
 * Feishu / Lark (飞书) custom bot: POST /open-apis/bot/v2/hook/TOKEN with `{"msg_type":"text","content":{"text"}}`
 * or `{"msg_type":"interactive","card":{…}}`, at most 20 KB. Signed mode: `timestamp` (seconds) and
 * `sign` = Base64 HMAC-SHA256 keyed by "<timestamp>\n<secret>" over "" in the body, within an hour
 * (code 19021); keyword mode: code 19024; 100 messages a minute and 5 a second (code 11232).
 * Answers HTTP 200 with `code`/`msg`.
 */
import { createHmac } from 'node:crypto';
import { SIGNATURE_WINDOW_MS, textOf, type PlatformRules } from './platform.ts';

const refuse = (code: number, msg: string) => ({ status: 200, body: { code, msg, data: {} } });

/** The texts of a card a person sees: the header title and each element's text. */
function cardText(card: Record<string, unknown> | undefined): string | undefined {
  if (card === undefined) return undefined;
  const header = textOf(((card.header as Record<string, unknown> | undefined)?.title as Record<string, unknown> | undefined)?.content);
  const elements = Array.isArray(card.elements) ? (card.elements as Record<string, unknown>[]) : [];
  const texts = elements.map((e) => textOf((e.text as Record<string, unknown> | undefined)?.content)).filter((t): t is string => t !== undefined);
  if (header === undefined || texts.length === 0) return undefined;
  return [header, ...texts].join('\n');
}

export const feishu: PlatformRules = {
  path: (token) => `/open-apis/bot/v2/hook/${token}`,
  check(request, settings) {
    if (request.url.pathname !== `/open-apis/bot/v2/hook/${settings.token}`) return { status: 404, body: { code: 19001, msg: 'param invalid: incoming webhook access token invalid' } };
    if (Buffer.byteLength(request.raw, 'utf8') > 20 * 1024) return refuse(9499, 'Bad Request');
    const body = request.json;
    if (body === undefined) return refuse(9499, 'Bad Request');
    if (settings.secret !== undefined) {
      const timestamp = String(body.timestamp ?? '');
      const expected = createHmac('sha256', `${timestamp}\n${settings.secret}`).update('').digest('base64');
      const fresh = /^\d{10}$/.test(timestamp) && Math.abs(request.realNow - Number(timestamp) * 1000) <= SIGNATURE_WINDOW_MS;
      if (!fresh || body.sign !== expected) return refuse(19021, 'sign match fail or timestamp is not within one hour from current time');
    }
    let text: string | undefined;
    if (body.msg_type === 'text') text = textOf((body.content as Record<string, unknown> | undefined)?.text);
    else if (body.msg_type === 'interactive') text = cardText(body.card as Record<string, unknown> | undefined);
    else return refuse(9499, 'Bad Request');
    if (text === undefined || text === '') return refuse(9499, 'Bad Request');
    if (settings.keyword !== undefined && !text.includes(settings.keyword)) return refuse(19024, 'Key Words Not Found');
    return text;
  },
  rateLimit: [
    { max: 5, windowMs: 1000, answer: refuse(11232, 'frequency limited') },
    { max: 100, windowMs: 60_000, answer: refuse(11232, 'frequency limited') },
  ],
  ok: { status: 200, body: { code: 0, msg: 'success', data: {} } },
};
