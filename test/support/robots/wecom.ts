/**
 * WeCom (企业微信) group robot: POST /cgi-bin/webhook/send?key=KEY with `{"msgtype":"text","text":{"content"}}`
 * or `{"msgtype":"markdown","markdown":{"content"}}`; text at most 2048 bytes, markdown 4096;
 * 20 messages per minute per robot; every answer HTTP 200 with `errcode`/`errmsg`
 * (45009 api freq out of limit, 93000 invalid webhook url, 40008 invalid message type, 44004 empty content).
 */
import { textOf, type PlatformRules } from './platform.ts';

const refuse = (errcode: number, errmsg: string) => ({ status: 200, body: { errcode, errmsg } });

export const wecom: PlatformRules = {
  path: (token) => `/cgi-bin/webhook/send?key=${token}`,
  check(request, settings) {
    if (request.url.pathname !== '/cgi-bin/webhook/send' || request.url.searchParams.get('key') !== settings.token) return refuse(93000, 'invalid webhook url');
    const body = request.json;
    if (body === undefined) return refuse(40008, 'invalid message type');
    const type = body.msgtype;
    if (type !== 'text' && type !== 'markdown') return refuse(40008, 'invalid message type');
    const content = textOf((body[type] as Record<string, unknown> | undefined)?.content);
    if (content === undefined || content === '') return refuse(44004, 'empty content');
    if (Buffer.byteLength(content, 'utf8') > (type === 'text' ? 2048 : 4096)) return refuse(40058, `${type}.content exceed max length`);
    return content;
  },
  rateLimit: [{ max: 20, windowMs: 60_000, answer: refuse(45009, 'api freq out of limit') }],
  ok: { status: 200, body: { errcode: 0, errmsg: 'ok' } },
};
