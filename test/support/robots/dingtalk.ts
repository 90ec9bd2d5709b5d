/**
 * DingTalk (钉钉) custom robot: POST /robot/send?access_token=TOKEN with `{"msgtype":"text","text":{"content"}}`
 * or `{"msgtype":"markdown","markdown":{"title","text"}}`. Signed mode: `&timestamp=<ms>&sign=<URL-encoded
 * Base64 HMAC-SHA256(secret, "<timestamp>\n<secret>")>`, the timestamp within an hour of DingTalk's
 * clock; keyword mode: the message must contain the keyword; both refused with errcode 310000.
 * At most 20 messages a minute, then the robot is blocked for 10 minutes (errcode 130101). Every
 * answer is HTTP 200 with `errcode`/`errmsg`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_WINDOW_MS, textOf, type PlatformRules } from './platform.ts';

const refuse = (errcode: number, errmsg: string) => ({ status: 200, body: { errcode, errmsg } });

export const dingtalk: PlatformRules = {
  path: (token) => `/robot/send?access_token=${token}`,
  check(request, settings) {
    const query = request.url.searchParams;
    if (request.url.pathname !== '/robot/send' || query.get('access_token') !== settings.token) return refuse(300001, 'token is not exist');
    if (settings.secret !== undefined) {
      const timestamp = query.get('timestamp') ?? '';
      const sign = query.get('sign') ?? '';
      const expected = createHmac('sha256', settings.secret).update(`${timestamp}\n${settings.secret}`).digest();
      const given = Buffer.from(sign, 'base64');
      const fresh = /^\d{13}$/.test(timestamp) && Math.abs(request.realNow - Number(timestamp)) <= SIGNATURE_WINDOW_MS;
      if (!fresh) return refuse(310000, 'sign not match, timestamp is not within one hour of the current time');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refuse(310000, 'sign not match');
    }
    const body = request.json;
    if (body === undefined) return refuse(43004, 'invalid json');
    let text: string | undefined;
    if (body.msgtype === 'text') text = textOf((body.text as Record<string, unknown> | undefined)?.content);
    else if (body.msgtype === 'markdown') {
      const markdown = body.markdown as Record<string, unknown> | undefined;
      const title = textOf(markdown?.title);
      const content = textOf(markdown?.text);
      text = title === undefined || content === undefined ? undefined : `${title}\n${content}`;
    } else return refuse(40035, '缺少参数 msgtype');
    if (text === undefined || text === '') return refuse(40035, '缺少参数 content');
    if (settings.keyword !== undefined && !text.includes(settings.keyword)) return refuse(310000, 'keywords not in content');
    return text;
  },
  rateLimit: [{ max: 20, windowMs: 60_000, blockMs: 10 * 60_000, answer: refuse(130101, 'send too fast, exceed 20 times per minute') }],
  ok: { status: 200, body: { errcode: 0, errmsg: 'ok' } },
};
