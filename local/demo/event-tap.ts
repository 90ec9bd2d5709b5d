/**
 * An HTTP endpoint that keeps every event posted to it: the stand-in for an IM group robot or any
 * HTTP subscriber of the bus. Subscribing it with an ordinary rule and HTTP target means the demo
 * and the tests see events exactly as an outside subscriber would.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventBridgeLocal } from '../eventbridge/index.ts';

export interface TappedEvent {
  'detail-type': string;
  source: string;
  time: string;
  detail: Record<string, unknown>;
}

export class EventTap {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    /** Every event received, in arrival order. */
    readonly events: TappedEvent[],
  ) {}

  /**
   * With `forwardTo`, each event is posted on to that URL and kept only when it accepted it (2xx);
   * otherwise the tap answers with the failure, so the bus retries as it would for the robot itself.
   */
  static async start(host = '127.0.0.1', forwardTo?: string): Promise<EventTap> {
    const events: TappedEvent[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let event: TappedEvent;
        try {
          event = JSON.parse(body) as TappedEvent;
        } catch {
          res.writeHead(400, { 'content-type': 'text/plain' }).end('expected a JSON event');
          return;
        }
        void forward(forwardTo, body).then((status) => {
          if (status >= 200 && status < 300) events.push(event);
          res.writeHead(status === 200 ? 204 : status).end();
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    return new EventTap(server, `http://${host}:${(server.address() as AddressInfo).port}/events`, events);
  }

  /** The events of one detail-type, in arrival order. */
  ofType(detailType: string): TappedEvent[] {
    return this.events.filter((e) => e['detail-type'] === detailType);
  }

  /** Every event of this type whose detail has `caseId`. */
  forCase(detailType: string, caseId: string): TappedEvent[] {
    return this.ofType(detailType).filter((e) => e.detail.caseId === caseId);
  }

  /** Routes the bus's events matching `pattern` here, through a rule with an HTTP target. */
  async subscribe(eventBridge: EventBridgeLocal, busName: string, ruleName: string, pattern: object): Promise<void> {
    for (const [operation, body] of [
      ['PutRule', { Name: ruleName, EventBusName: busName, EventPattern: JSON.stringify(pattern) }],
      ['PutTargets', { Rule: ruleName, EventBusName: busName, Targets: [{ Id: 'tap', Arn: this.url }] }],
    ] as const) {
      const answer = await eventBridge.request(operation, body);
      if (answer.status !== 200) throw new Error(`EventBridge ${operation}: ${JSON.stringify(answer.body)}`);
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

/** Posts `body` to `url` and gives its status (502 when it cannot be reached); 200 without a URL. */
async function forward(url: string | undefined, body: string): Promise<number> {
  if (url === undefined) return 200;
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return response.status;
  } catch {
    return 502;
  }
}
