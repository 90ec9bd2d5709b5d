/**
 * The whole platform in this process on a VirtualClock: the real runtime (DynamoDB Local, the
 * emulators, the handlers, the HTTP API), a storefront and staff reaching it over HTTP, a fake
 * group robot (a signed DingTalk robot with the keyword `SLA` unless told otherwise) behind the
 * one-robot alarm shortcut, and a tap subscribed to every event on the bus. Time moves only when
 * a test advances it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manifest } from '../../app/manifest.ts';
import { VirtualClock } from '../../core/time/clock.ts';
import { EventTap } from '../../local/demo/event-tap.ts';
import { PlatformClient, type CaseView, type StaffSession } from '../../local/demo/platform-client.ts';
import { signingKey } from '../../local/identity/tokens.ts';
import { startRuntime, type Runtime, type RuntimeOptions } from '../../local/runtime/runtime.ts';
import { advanceRuntime } from '../../local/runtime/virtual-time.ts';
import { FakeRobot, type FakeRobotOptions } from '../support/robots/fake-robot.ts';
import { confirmedChecklist } from '../support/checklists.ts';

export const MINUTE = 60_000;

/** A DingTalk robot in signed and keyword mode, as a store team would set one up. */
export const ROBOT = { kind: 'dingtalk', secret: 'SECe2e0123456789abcdef', keyword: 'SLA' } as const satisfies Omit<FakeRobotOptions, 'clock'>;
export const HOUR = 60 * MINUTE;

export class TestPlatform {
  private constructor(
    readonly runtime: Runtime,
    readonly clock: VirtualClock,
    readonly client: PlatformClient,
    /** Every event on the bus, as an HTTP subscriber received it. */
    readonly bus: EventTap,
    /** The group robot (ALARM_WEBHOOK_URL) and what it posted in the group. */
    readonly robot: FakeRobot,
    readonly dataDir: string,
  ) {}

  /**
   * Starts the platform with its clock at `start` (an ISO time with offset), alarms going to a fake
   * robot (`robot`, DingTalk signed by default), on the shipped policy or `policyPath`, with
   * `localRoutes` as the runtime takes them (e.g. the console).
   */
  static async start(start: string, options: Pick<RuntimeOptions, 'localRoutes' | 'policyPath' | 'functionRuntime' | 'workers'> & Partial<Pick<RuntimeOptions, 'manifest'>> & { robot?: Omit<FakeRobotOptions, 'clock'> } = {}): Promise<TestPlatform> {
    const { robot: robotOptions = ROBOT, ...runtimeOptions } = options;
    const clock = new VirtualClock(start);
    const dataDir = mkdtempSync(join(tmpdir(), 'e2e-'));
    const [bus, robot] = await Promise.all([EventTap.start(), FakeRobot.start({ ...robotOptions, clock })]);
    const alarmWebhook = { url: robot.url, kind: robot.kind, ...(robotOptions.secret ? { secret: robotOptions.secret } : {}) };
    const runtime = await startRuntime({ manifest, root: process.cwd(), dataDir, host: '127.0.0.1', port: 0, edgePort: 0, clock, alarmWebhook, log: () => {}, ...runtimeOptions });
    await bus.subscribe(runtime.eventBridge, runtime.names.physical(manifest.buses[0]!.id), 'e2e-tap', { source: [{ prefix: '' }] });
    const client = new PlatformClient({ apiUrl: runtime.apiUrl, webhookSecret: runtime.webhookSecret, signingKey: signingKey(dataDir), clock });
    return new TestPlatform(runtime, clock, client, bus, robot, dataDir);
  }

  staff(user: string, roles: readonly string[]): StaffSession {
    return this.client.staff(user, roles);
  }

  /** Posts a storefront event, lets everything it set off finish, and returns the case it named. */
  async storefront(type: string, data: Record<string, unknown>): Promise<{ status: number; caseId: string | undefined; body: Record<string, unknown> }> {
    const answer = await this.client.storefront(type, data);
    await this.runtime.settle();
    return { status: answer.status, caseId: answer.body.caseId as string | undefined, body: answer.body };
  }

  /**
   * Completes a step as `who`, failing loudly on anything but 200, and lets the workflow run on. A
   * verification call whose body brings no `checklist` has every point it asks for confirmed, as a
   * clerk ticking each box would (core/lifecycles/checklists.ts; test/e2e/checklists.test.ts tests
   * the refusals).
   */
  async complete(who: StaffSession, caseId: string, step: string, body: { outcome?: string; fields?: Record<string, unknown> } = {}): Promise<void> {
    if (body.outcome !== undefined && body.fields?.checklist === undefined) {
      const points = confirmedChecklist(step, body.outcome, (await this.view(caseId)).data);
      if (Object.keys(points).length > 0) body = { ...body, fields: { ...body.fields, ...points } };
    }
    const answer = await who.complete(caseId, step, body);
    if (answer.status !== 200) throw new Error(`completing ${step} of ${caseId} as ${who.user}: ${answer.status} ${JSON.stringify(answer.body)}`);
    await this.runtime.settle();
  }

  /** The case as a supervisor sees it. */
  async view(caseId: string): Promise<CaseView> {
    const answer = await this.staff('e2e-supervisor', ['supervisor']).getCase(caseId);
    if (answer.status !== 200) throw new Error(`GET /cases/${caseId}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** The steps of the case still open, in the order they were opened. */
  async openSteps(caseId: string): Promise<string[]> {
    return (await this.view(caseId)).steps.filter((s) => s.status !== 'completed' && s.status !== 'cancelled').map((s) => s.step);
  }

  advance(ms: number): Promise<void> {
    return advanceRuntime(this.runtime, this.clock, this.clock.now() + ms);
  }

  advanceTo(iso: string): Promise<void> {
    return advanceRuntime(this.runtime, this.clock, Date.parse(iso));
  }

  async stop(): Promise<void> {
    await this.runtime.stop();
    await Promise.all([this.bus.close(), this.robot.close()]);
  }
}
