/**
 * In-memory implementations of the ports (core/ports/*) for logic tests: they record what the
 * logic asked for, and the timer fake fires due timers in time order on a VirtualClock.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ChatTimerPayload, ChatTimers } from '../../core/ports/chat-timers.ts';
import type { DomainEvent, DetailType, EventPublisher } from '../../core/ports/events.ts';
import type { TimerPayload, TimerScheduler } from '../../core/ports/timers.ts';
import type { WorkflowGateway } from '../../core/ports/workflows.ts';
import type { VirtualClock } from '../../core/time/clock.ts';

export class FakeEventPublisher implements EventPublisher {
  readonly published: DomainEvent[] = [];

  publish(events: readonly DomainEvent[]): Promise<void> {
    this.published.push(...events);
    return Promise.resolve();
  }

  /** Events of one type (optionally about one case), oldest first. */
  ofType(type: DetailType, caseId?: string): DomainEvent[] {
    return this.published.filter((e) => e.detailType === type && (caseId === undefined || e.detail.caseId === caseId));
  }

  /** Detail-types about a case, in publishing order. */
  typesFor(caseId: string): string[] {
    return this.published.filter((e) => e.detail.caseId === caseId).map((e) => e.detailType);
  }
}

export interface FakeTimer {
  name: string;
  /** When the scheduler would fire it. */
  fireAt: string;
  payload: TimerPayload;
}

export class FakeTimerScheduler implements TimerScheduler {
  private readonly timers = new Map<string, FakeTimer>();
  readonly cancelled: string[] = [];
  /** Every scheduleAt call, repeats included. */
  readonly calls: FakeTimer[] = [];

  scheduleAt(name: string, at: string, payload: TimerPayload): Promise<void> {
    const timer = { name, fireAt: at, payload };
    this.timers.set(name, timer);
    this.calls.push(timer);
    return Promise.resolve();
  }

  cancel(name: string): Promise<void> {
    this.timers.delete(name);
    this.cancelled.push(name);
    return Promise.resolve();
  }

  /** Pending timers, soonest first (optionally of one case). */
  pending(caseId?: string): FakeTimer[] {
    return [...this.timers.values()].filter((t) => caseId === undefined || t.payload.caseId === caseId).sort((a, b) => (a.fireAt < b.fireAt ? -1 : a.fireAt > b.fireAt ? 1 : 0));
  }

  /** Loses every pending timer (as if the scheduler dropped them). */
  loseAll(): void {
    this.timers.clear();
  }

  /**
   * Moves the clock to `target`, firing each timer due on the way at its instant, in time order
   * (one-time timers delete themselves after firing, as ActionAfterCompletion DELETE does).
   * Returns the payloads fired.
   */
  async runUntil(clock: VirtualClock, target: string, fire: (payload: TimerPayload) => Promise<unknown>): Promise<TimerPayload[]> {
    const fired: TimerPayload[] = [];
    for (;;) {
      const next = this.pending().find((t) => t.fireAt <= target);
      if (!next) break;
      this.timers.delete(next.name);
      if (Date.parse(next.fireAt) > clock.now()) await clock.advanceTo(next.fireAt);
      await fire(next.payload);
      fired.push(next.payload);
    }
    if (Date.parse(target) > clock.now()) await clock.advanceTo(target);
    return fired;
  }
}

export class FakeWorkflowGateway implements WorkflowGateway {
  /** The executions started, once each: a repeated start with the same name and input starts nothing (AWS StartExecution). */
  readonly started: { workflowId: string; name: string; input: unknown }[] = [];
  readonly succeeded: { taskToken: string; output: unknown }[] = [];
  readonly failed: { taskToken: string; error: string; cause: string }[] = [];
  readonly stopped: { executionArn: string; cause: string }[] = [];
  /** Tokens answered or timed out: answering them again returns false. */
  readonly closedTokens = new Set<string>();

  start(workflowId: string, name: string, input: unknown): Promise<{ executionArn: string }> {
    const executionArn = this.executionArn(workflowId, name);
    const existing = this.started.find((s) => this.executionArn(s.workflowId, s.name) === executionArn);
    if (existing && !isDeepStrictEqual(existing.input, input)) return Promise.reject(Object.assign(new Error(`Execution Already Exists: '${executionArn}'`), { name: 'ExecutionAlreadyExists' }));
    if (!existing) this.started.push({ workflowId, name, input });
    return Promise.resolve({ executionArn });
  }

  executionArn(workflowId: string, name: string): string {
    return `arn:aws:states:us-east-1:000000000000:execution:${workflowId}:${name}`;
  }

  sendSuccess(taskToken: string, output: unknown): Promise<boolean> {
    if (this.closedTokens.has(taskToken)) return Promise.resolve(false);
    this.closedTokens.add(taskToken);
    this.succeeded.push({ taskToken, output });
    return Promise.resolve(true);
  }

  sendFailure(taskToken: string, error: string, cause: string): Promise<boolean> {
    if (this.closedTokens.has(taskToken)) return Promise.resolve(false);
    this.closedTokens.add(taskToken);
    this.failed.push({ taskToken, error, cause });
    return Promise.resolve(true);
  }

  stop(executionArn: string, cause: string): Promise<void> {
    this.stopped.push({ executionArn, cause });
    return Promise.resolve();
  }
}

/** Chat timers kept in memory: tests read what was armed and deliver them when the clock says. */
export class FakeChatTimers implements ChatTimers {
  readonly armed: ChatTimerPayload[] = [];

  arm(payload: ChatTimerPayload): Promise<void> {
    this.armed.push(payload);
    return Promise.resolve();
  }

  /** Removes and returns the timers due at `now`. */
  takeDue(now: number): ChatTimerPayload[] {
    const due = this.armed.filter((t) => t.due <= now);
    for (const t of due) this.armed.splice(this.armed.indexOf(t), 1);
    return due;
  }
}
