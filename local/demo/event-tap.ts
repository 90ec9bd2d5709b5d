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

  static async start(host = '127.0.0.1'): Promise<EventTap> {
    const events: TappedEvent[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        try {
          events.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as TappedEvent);
          res.writeHead(204).end();
        } catch {
          res.writeHead(400, { 'content-type': 'text/plain' }).end('expected a JSON event');
        }
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
