/**
 * Posts a message to a group robot and reads its answer. DingTalk and Feishu signatures are
 * computed here, on the real clock the caller passes (the robots compare the timestamp with
 * theirs, so a rehearsal clock under `npm start --time` must never reach them).
 */
import { noAnswer, readAnswer, type RobotAnswer } from '../../core/alarms/answers.ts';
import { ChannelKind } from '../../core/alarms/channel-kind.ts';
import { dingTalkSignedUrl, feishuSignature } from '../../core/alarms/signing.ts';

export interface RobotRequest {
  kind: ChannelKind;
  url: string;
  body: Record<string, unknown>;
  /** The signing secret (DingTalk `SEC…`, Feishu); ignored by platforms that do not sign. */
  secret?: string;
  /** Real epoch ms for the signature timestamp. */
  realNow: number;
}

/** The URL and body as sent, signature included. */
export function signedRequest(request: RobotRequest): { url: string; body: Record<string, unknown> } {
  const secret = request.secret;
  if (secret === undefined || secret === '') return { url: request.url, body: request.body };
  if (request.kind === ChannelKind.dingtalk) return { url: dingTalkSignedUrl(request.url, secret, request.realNow), body: request.body };
  if (request.kind === ChannelKind.feishu) return { url: request.url, body: { ...feishuSignature(secret, request.realNow), ...request.body } };
  return { url: request.url, body: request.body };
}

/** POSTs the request as UTF-8 JSON; never throws: a network failure or timeout is a retryable answer. */
export async function postToRobot(request: RobotRequest, timeoutMs = 10_000): Promise<RobotAnswer> {
  const { url, body } = signedRequest(request);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return readAnswer(request.kind, response.status, await response.text(), response.headers.get('retry-after'));
  } catch (error) {
    return noAnswer(error);
  }
}
