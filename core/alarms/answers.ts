/**
 * What a robot's answer means. The Chinese platforms answer HTTP 200 with an error code in the
 * body (`errcode`/`errmsg`; Feishu `code`/`msg`), so a 200 is not yet a success; Slack and generic
 * endpoints answer with the HTTP status (docs/alarms.md, "Answers and retries").
 */
import { ChannelKind } from './channel-kind.ts';

export const Verdict = {
  /** The robot took the message. */
  accepted: 'accepted',
  /** Try again later: rate limited, the platform busy, a network or 5xx failure. */
  retry: 'retry',
  /** The robot will never take it as sent (wrong secret, keyword missing, bad body): dead-letter it. */
  rejected: 'rejected',
} as const;
export type Verdict = (typeof Verdict)[keyof typeof Verdict];

export interface RobotAnswer {
  verdict: Verdict;
  /** HTTP status; 0 when no answer came (network error, timeout). */
  status: number;
  /** The platform's code: `errcode` (WeCom, DingTalk), `code` (Feishu), else the HTTP status. */
  code: number;
  /** The platform's message: `errmsg`, `msg`, Slack's body text (`invalid_payload`) or the network error. */
  message: string;
  /** The robot asked for this much patience (Slack's `Retry-After`), in ms. */
  retryAfterMs?: number;
}

/** Codes that mean "too many messages, wait": WeCom 45009 (api freq out of limit), DingTalk 130101 (send too fast), Feishu 11232 (frequency limited); WeCom -1 is "system busy". */
const RETRYABLE_CODES: Readonly<Record<ChannelKind, readonly number[]>> = {
  wecom: [45009, -1],
  dingtalk: [130101],
  feishu: [11232],
  slack: [],
  generic: [],
};

/** Reads a robot's HTTP answer. */
export function readAnswer(kind: ChannelKind, status: number, body: string, retryAfter?: string | null): RobotAnswer {
  const retryAfterMs = retryAfter !== undefined && retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : undefined;
  const byStatus = (message: string): RobotAnswer => ({
    verdict: status >= 200 && status < 300 ? Verdict.accepted : status === 429 || status >= 500 ? Verdict.retry : Verdict.rejected,
    status,
    code: status,
    message,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
  if (kind === ChannelKind.slack || kind === ChannelKind.generic) {
    // A 2xx whose JSON body holds a non-zero `errcode` or `code` is a robot saying no (a WeCom or
    // DingTalk robot reached as "generic" answers 200 {"errcode":310000,…}): never a success.
    const refusal = status >= 200 && status < 300 ? bodyCode(body) : undefined;
    if (refusal !== undefined && refusal.code !== 0) return { verdict: Verdict.rejected, status, code: refusal.code, message: refusal.message };
    return byStatus(body.trim().slice(0, 300) || String(status));
  }
  if (status < 200 || status >= 300) return byStatus(body.trim().slice(0, 300) || `HTTP ${status}`);
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return { verdict: Verdict.retry, status, code: status, message: `not a JSON answer: ${body.slice(0, 100)}` };
  }
  const code = Number(kind === ChannelKind.feishu ? (parsed.code ?? parsed.StatusCode) : parsed.errcode);
  const message = String((kind === ChannelKind.feishu ? (parsed.msg ?? parsed.StatusMessage) : parsed.errmsg) ?? '');
  if (!Number.isFinite(code)) return { verdict: Verdict.retry, status, code: status, message: `no ${kind === ChannelKind.feishu ? 'code' : 'errcode'} in the answer: ${body.slice(0, 100)}` };
  const verdict = code === 0 ? Verdict.accepted : RETRYABLE_CODES[kind].includes(code) ? Verdict.retry : Verdict.rejected;
  return { verdict, status, code, message };
}

/** The `errcode` (or `code`) and `errmsg` (`msg`, `message`) of a JSON body, when it has a numeric one. */
function bodyCode(body: string): { code: number; message: string } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const fields = parsed as Record<string, unknown>;
  const raw = fields.errcode ?? fields.code;
  const code = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : undefined;
  if (code === undefined) return undefined;
  return { code, message: String(fields.errmsg ?? fields.msg ?? fields.message ?? '').slice(0, 300) };
}

/** A request that got no answer at all. */
export function noAnswer(error: unknown): RobotAnswer {
  return { verdict: Verdict.retry, status: 0, code: 0, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}
