/**
 * A fake group robot of one platform on a real HTTP port, enforcing that platform's documented
 * rules (./wecom.ts, ./dingtalk.ts, ./feishu.ts, ./slack.ts, ./generic.ts): its URL and token, the
 * body schema, keyword and signature modes (signatures against the real clock, as the platforms
 * check them), and the rate limit, answered as the platform answers it (HTTP 200 with an error code
 * for the Chinese platforms). It keeps what a person in the group would read.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChannelKind } from '../../../core/alarms/channel-kind.ts';
import { systemClock, type Clock } from '../../../core/time/clock.ts';
import { dingtalk } from './dingtalk.ts';
import { feishu } from './feishu.ts';
import { generic } from './generic.ts';
import type { Answer, Delivered, PlatformRules, RobotSettings } from './platform.ts';
import { slack } from './slack.ts';
import { wecom } from './wecom.ts';

const PLATFORMS: Record<ChannelKind, PlatformRules> = { wecom, dingtalk, feishu, slack, generic };

export interface FakeRobotOptions {
  kind: ChannelKind;
  secret?: string;
  keyword?: string;
  /** The clock rate limits count on (the platform's VirtualClock in end-to-end tests); signatures always use the real one. */
  clock?: Clock;
}

export class FakeRobot {
  /** Messages the robot took, in arrival order. */
  readonly delivered: Delivered[] = [];
  /** Every answer it gave, refusals included. */
  readonly answers: Answer[] = [];
  private blockedUntil = 0;

  private constructor(
    private readonly server: Server,
    readonly kind: ChannelKind,
    readonly url: string,
  ) {}

  static async start(options: FakeRobotOptions): Promise<FakeRobot> {
    const rules = PLATFORMS[options.kind];
    const settings: RobotSettings = { token: `tok${Math.random().toString(36).slice(2, 10)}`, ...(options.secret ? { secret: options.secret } : {}), ...(options.keyword ? { keyword: options.keyword } : {}) };
    const clock = options.clock ?? systemClock;
    const holder: { robot?: FakeRobot } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const robot = holder.robot!;
        const answer = robot.handle(rules, settings, clock, new URL(req.url ?? '/', 'http://robot'), Buffer.concat(chunks).toString('utf8'), req.method ?? 'GET');
        robot.answers.push(answer);
        const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        res.writeHead(answer.status, { 'content-type': typeof answer.body === 'string' ? 'text/plain' : 'application/json', ...answer.headers }).end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.robot = new FakeRobot(server, options.kind, `http://127.0.0.1:${(server.address() as AddressInfo).port}${rules.path(settings.token)}`);
    return holder.robot;
  }

  /** The texts people read, in order. */
  texts(): string[] {
    return this.delivered.map((d) => d.text);
  }

  /** Makes the robot answer every message with its rate-limit refusal until `until` (epoch ms on its clock), as DingTalk's 10-minute block does. */
  blockUntil(until: number): void {
    this.blockedUntil = until;
  }

  private handle(rules: PlatformRules, settings: RobotSettings, clock: Clock, url: URL, raw: string, method: string): Answer {
    if (method !== 'POST') return { status: 405, body: 'POST only' };
    let json: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      json = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      json = undefined;
    }
    const verdict = rules.check({ url, raw, json, realNow: systemClock.now() }, settings);
    if (typeof verdict !== 'string') return verdict;
    const now = clock.now();
    const limited = rules.rateLimit[0]?.answer;
    if (now < this.blockedUntil && limited !== undefined) return limited;
    for (const limit of rules.rateLimit) {
      if (this.delivered.filter((d) => d.at > now - limit.windowMs).length >= limit.max) {
        if (limit.blockMs !== undefined) this.blockedUntil = now + limit.blockMs;
        return limit.answer;
      }
    }
    this.delivered.push({ at: now, text: verdict, body: json ?? {} });
    return rules.ok;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
