/**
 * `npm run demo`: a store day replayed against the real runtime on a virtual clock. The shop
 * (storefront.ts) sends its orders and after-sales requests as signed webhooks, the staff
 * (staff.ts) work their queues through the API, and the clock skips from one timer to the next,
 * so days of SLA timers, pickups and sweeps run in a few minutes. It ends with the SLA
 * compliance report of the platform's own `GET /reports/sla`, and the run's AWS usage and cost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FunctionDefaults, type Manifest } from '../../platform/manifest-types.ts';
import type { ChatReportItem } from '../../core/chat/report.ts';
import type { SlaReport } from '../../core/reports/sla-report.ts';
import { shanghaiDay } from '../../core/cases/report-day.ts';
import { VirtualClock } from '../../core/time/clock.ts';
import { getDefaultPolicy } from '../../policy/load.ts';
import { signingKey } from '../identity/tokens.ts';
import type { DynamoDbHome } from '../runtime/dynamodb-home.ts';
import { startRuntime, type Runtime } from '../runtime/runtime.ts';
import { advanceRuntime } from '../runtime/virtual-time.ts';
import { Agenda } from './agenda.ts';
import { mapBounded, READS_IN_FLIGHT } from './bounded.ts';
import { costPer1000Orders } from './cost.ts';
import { EventTap, type TappedEvent } from './event-tap.ts';
import { PlatformClient, type StaffSession } from './platform-client.ts';
import { Random } from './random.ts';
import { reportText, writeReportFiles, type DemoReport, type WrittenFiles } from './report.ts';
import { staffTheStore } from './staff.ts';
import { ChatDay } from './chat.ts';
import { UrgentComplaintScenario } from './complaint-kinds.ts';
import { peopleScene, peopleText } from './people.ts';
import { StoreDay } from './storefront.ts';
import { ShipWaitsScenario } from './ship-waits.ts';
import { HoldAndPriority } from './holds-priority.ts';
import { countTransitions } from './transitions.ts';
import { DemoTeam, teamText, type TeamSummary } from './team.ts';

const HOUR = 3_600_000;
/** Functions the schedule runs whatever the volume: their cost is per day, not per order. */
const RECURRING = ['sla-sweep', 'pickup-batch', 'supplier-collect'];

export interface DemoOptions {
  manifest: Manifest;
  root: string;
  orders: number;
  seed: number;
  /** The store day, `YYYY-MM-DD` in Shanghai. */
  day: string;
  /** Days simulated from the store day's midnight: the day itself plus the after-sales that follow. */
  days: number;
  outDir: string;
  /** Where the runtime keeps its data; a fresh temporary directory (removed afterwards) by default. */
  dataDir?: string;
  /** A group robot (WeCom, DingTalk, Slack…) to post the run's SlaBreached events to; none by default. */
  robotUrl?: string;
  /** DynamoDB on this machine: the embedded store (default) or DynamoDB Local (`java`). */
  dynamodb?: DynamoDbHome;
  progress: (line: string) => void;
}

export interface DemoResult {
  report: DemoReport;
  text: string;
  files: WrittenFiles;
  /** The named ops-cs people's assignments and handovers (issue 23, team.ts). */
  team?: TeamSummary;
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const began = performance.now();
  const dayStart = Date.parse(`${options.day}T00:00:00+08:00`);
  if (!Number.isFinite(dayStart)) throw new RangeError(`--day: "${options.day}" is not a date (YYYY-MM-DD)`);
  const clock = new VirtualClock(dayStart);
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sla-demo-'));
  const [bus, robot] = await Promise.all([EventTap.start(), EventTap.start('127.0.0.1', options.robotUrl)]);
  let runtime: Runtime | undefined;
  try {
    // The alarm path of npm start, through a tap that forwards to the robot (--robot) and counts what it accepted.
    const alarms = options.robotUrl === undefined ? {} : { alarmWebhook: { url: robot.url, kind: 'generic' as const } };
    runtime = await startRuntime({ manifest: options.manifest, root: options.root, dataDir, host: '127.0.0.1', port: 0, edgePort: 0, clock, ...alarms, log: () => {}, ...(options.dynamodb ? { dynamodb: options.dynamodb } : {}) });
    await bus.subscribe(runtime.eventBridge, runtime.names.physical(options.manifest.buses[0]!.id), 'demo-all-events', { source: [{ prefix: '' }] });
    const client = new PlatformClient({ apiUrl: runtime.apiUrl, webhookSecret: runtime.webhookSecret, signingKey: signingKey(dataDir), clock });
    const random = new Random(options.seed);
    const agenda = new Agenda(clock, runtime);
    const store = new StoreDay({ agenda, client, random, dayStart, orders: options.orders });
    const teams = staffTheStore({ agenda, client, policy: getDefaultPolicy(), random });
    // Named ops-cs people on a two-shift roster (issue 23, team.ts).
    const team = await DemoTeam.start({ dataDir, client, agenda, dayStart, days: options.days, day: options.day, now: () => clock.now() });
    store.open();
    // Its own random stream, so the store day's draws stay those of the seed.
    const shipWaits = new ShipWaitsScenario({ agenda, client, random: new Random(options.seed + 1), dayStart });
    shipWaits.open();
    const policy = getDefaultPolicy();
    const chat = new ChatDay({ agenda, client, random, calendar: policy.chat.calendar, dayStart, conversations: options.orders });
    chat.open();
    const urgentComplaint = new UrgentComplaintScenario({ agenda, client, dayStart });
    urgentComplaint.open();
    const holdAndPriority = new HoldAndPriority({ agenda, client, dayStart });
    holdAndPriority.open();

    // The shop and the staff react to what the platform did once each instant's work has settled.
    let seen = 0;
    const world = {
      settle: async () => {
        await agenda.settle();
        for (; seen < bus.events.length; seen++) {
          const event = bus.events[seen]!;
          store.react(event);
          shipWaits.react(event);
          if (event['detail-type'] === 'StepOpened') teams.get(event.detail.role as string)?.notify();
        }
      },
    };
    const end = dayStart + options.days * 24 * HOUR;
    for (let hour = dayStart + HOUR; hour <= end; hour += HOUR) {
      await advanceRuntime(world, clock, hour);
      options.progress(progressLine(hour, bus.events, options.orders, began));
    }

    const supervisor = client.staff('demo-supervisor', ['supervisor']);
    const query = (groupBy: string) => ({ from: options.day, to: shanghaiDay(new Date(end - 1).toISOString()), groupBy });
    const fetchReport = async (groupBy: string, csv: boolean): Promise<unknown> => {
      const answer = await supervisor.report(query(groupBy), csv);
      if (answer.status !== 200) throw new Error(`GET /reports/sla?groupBy=${groupBy}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    };
    const [byStep, byRole, csvByStep, csvByRole] = await Promise.all([fetchReport('step', false), fetchReport('role', false), fetchReport('step', true), fetchReport('role', true)]);
    const chatAnswer = await supervisor.call<{ items: ChatReportItem[] }>('GET', `/reports/chat?from=${query('step').from}&to=${query('step').to}&groupBy=agent`);
    if (chatAnswer.status !== 200) throw new Error(`GET /reports/chat: ${chatAnswer.status} ${JSON.stringify(chatAnswer.body)}`);
    const stateMachines = options.manifest.workflows.map((w) => runtime!.names.stateMachineArn(w.id));
    const { transitions, executions } = await countTransitions(runtime.sfn, stateMachines);

    const usage = runtime.usage();
    const lambda = Object.fromEntries(
      Object.entries(usage.functions).map(([id, s]) => {
        const memoryGb = (options.manifest.functions.find((f) => f.id === id)?.memoryMb ?? FunctionDefaults.memoryMb) / 1024;
        return [id, { invocations: s.invocations, errors: s.errors, gbSeconds: round((s.durationMs / 1000) * memoryGb, 3) }];
      }),
    );
    const perOrder = Object.entries(lambda).filter(([id]) => !RECURRING.includes(id) && id !== 'chat-timer');
    // The chat runs beside the orders; its own work is taken out of the per-order cost: one webhook
    // request, invocation, conversation write and read per message, a read per chat timer, a write
    // and an event per announced breach (docs/chat.md; its cost is in docs/deploy.md).
    const chatBreaches = bus.ofType('ChatGreetingBreached').length + bus.ofType('ChatReplyBreached').length;
    const chatTimers = lambda['chat-timer']?.invocations ?? 0;
    const timers = lambda['sla-timer']?.invocations ?? 0;
    const recurring = RECURRING.reduce((sum, id) => sum + (lambda[id]?.invocations ?? 0), 0);
    const report: DemoReport = {
      run: { seed: options.seed, orders: options.orders, storeDay: options.day, from: query('step').from, to: query('step').to, simulatedDays: options.days, realSeconds: round((performance.now() - began) / 1000, 1) },
      byStep: byStep as SlaReport,
      byRole: byRole as SlaReport,
      exceptions: {
        slaWarnings: bus.ofType('SlaWarning').length,
        slaBreaches: bus.ofType('SlaBreached').length,
        alarmsPosted: options.robotUrl === undefined ? null : postedAlarms(robot, 'SlaBreached'),
        missedPickups: bus.ofType('PickupMissed').length,
        missedPickupsOnTime: await missedOnTime(supervisor, bus.ofType('PickupMissed')),
        refundsOverdue: bus.ofType('RefundOverdue').length,
      },
      cases: caseCounts(bus.events),
      webhooks: store.tally,
      shipWaits: await shipWaits.report(supervisor, bus.ofType('StepOpened').filter((e) => e.detail.step === 'stock.reassure').length),
      staff: Object.fromEntries([...teams].map(([role, t]) => [role, t.tally])),
      usage: {
        stateTransitions: transitions,
        executions,
        lambda,
        dynamoDb: usage.dynamodb,
        events: bus.events.length,
        httpApiRequests: usage.httpApiRequests,
        schedulerInvocations: { timers, recurring },
      },
      costPer1000Orders: costPer1000Orders({
        orders: options.orders,
        stateTransitions: transitions,
        lambdaRequests: perOrder.reduce((sum, [, l]) => sum + l.invocations, 0) - chat.tally.messages,
        lambdaGbSeconds: perOrder.reduce((sum, [, l]) => sum + l.gbSeconds, 0),
        dynamoDbWriteUnits: usage.dynamodb.writeUnits - chat.tally.messages - chatBreaches,
        dynamoDbReads: usage.dynamodb.readRequests - chat.tally.messages - chatTimers,
        schedulerInvocations: timers,
        events: bus.events.length - chatBreaches,
        httpApiRequests: usage.httpApiRequests - chat.tally.messages,
      }),
      chat: {
        ...chat.tally,
        byAgent: chatAnswer.body.items,
        greetingBreaches: bus.ofType('ChatGreetingBreached').length,
        replyBreaches: bus.ofType('ChatReplyBreached').length,
      },
      complaints: await urgentComplaint.summary(supervisor, query('step').from, query('step').to),
      failures: agenda.failures,
      holdAndPriority: await holdAndPriority.finish(client),
    };
    report.run.realSeconds = round((performance.now() - began) / 1000, 1);
    const files = writeReportFiles(options.outDir, report, { byStep: csvByStep as string, byRole: csvByRole as string });
    const roleLabel = (role: string): string => `${policy.roles.get(role)?.label.split(' ')[0] ?? ''} ${role}`.trim();
    // Scorecards and quality checks (issue 23): a separate scene after the day (local/demo/people.ts).
    const people = await peopleScene({ supervisor, from: query('step').from, to: query('step').to, outDir: options.outDir, random });
    const orderCases = bus.ofType('CaseOpened').filter((e) => e.detail.caseType === 'order').map((e) => e.detail.caseId as string);
    const teamSummary = await team.summary(orderCases);
    return { report, text: `${reportText(report, roleLabel)}${teamText(teamSummary)}\n\n${peopleText(people)}`, files, team: teamSummary };
  } finally {
    await runtime?.stop();
    await Promise.all([bus.close(), robot.close()]);
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

function caseCounts(events: readonly TappedEvent[]): DemoReport['cases'] {
  const opened: Record<string, number> = {};
  const closed: Record<string, number> = {};
  const open = new Set<string>();
  for (const e of events) {
    const caseId = e.detail.caseId as string;
    if (e['detail-type'] === 'CaseOpened') {
      const type = e.detail.caseType as string;
      opened[type] = (opened[type] ?? 0) + 1;
      open.add(caseId);
    } else if (e['detail-type'] === 'CaseClosed') {
      const status = e.detail.status as string;
      closed[status] = (closed[status] ?? 0) + 1;
      open.delete(caseId);
    }
  }
  return { opened, closed, stillOpen: open.size };
}

function progressLine(at: number, events: readonly TappedEvent[], orders: number, began: number): string {
  const count = (type: string): number => events.filter((e) => e['detail-type'] === type).length;
  const placed = events.filter((e) => e['detail-type'] === 'CaseOpened' && e.detail.caseType === 'order').length;
  const when = new Date(at + 8 * HOUR).toISOString().replace('T', ' ').slice(0, 16);
  return `${when} Shanghai · ${placed}/${orders} orders · ${count('StepCompleted')} steps done · ${count('SlaBreached')} breaches · ${((performance.now() - began) / 1000).toFixed(0)} s`;
}

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Alarm events of one type the group robot received: a `generic` robot gets `{"text", "events"}` digests. */
function postedAlarms(robot: EventTap, detailType: string): number {
  return robot.events.flatMap((message) => (message as unknown as { events?: TappedEvent[] }).events ?? []).filter((e) => e['detail-type'] === detailType).length;
}

/**
 * Parcels reported missed although every order step was completed by its batch target: what the
 * batch targets exist to rule out (service-standards.md §2), so the report can show it is none.
 */
async function missedOnTime(supervisor: StaffSession, missed: readonly TappedEvent[]): Promise<number> {
  let onTime = 0;
  const caseIds = [...new Set(missed.map((e) => String(e.detail.caseId)))];
  const answers = await mapBounded(caseIds, READS_IN_FLIGHT, async (caseId) => ({ caseId, answer: await supervisor.getCase(caseId) }));
  for (const { caseId, answer } of answers) {
    if (answer.status !== 200) throw new Error(`GET /cases/${caseId}: ${answer.status} ${JSON.stringify(answer.body)}`);
    const targeted = answer.body.steps.filter((s) => s.batchTargetAt !== null && s.batchTargetAt !== undefined);
    if (targeted.length > 0 && targeted.every((s) => s.completedAt !== null && Date.parse(s.completedAt) <= Date.parse(s.batchTargetAt!))) onTime++;
  }
  return onTime;
}
