/** Any JSON endpoint: takes every JSON body with HTTP 204; the readable text is the body's `text`. */
import { textOf, type PlatformRules } from './platform.ts';

export const generic: PlatformRules = {
  path: (token) => `/alarms/${token}`,
  check(request) {
    if (request.json === undefined) return { status: 400, body: 'expected JSON' };
    return textOf(request.json.text) ?? JSON.stringify(request.json);
  },
  rateLimit: [],
  ok: { status: 204, body: '' },
};
