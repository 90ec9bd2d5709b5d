/** What the webhook's logic works with: the case store, the ports, the policy and a clock. */
import type { CaseRepository } from '../../core/cases/repository.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import type { EventPublisher } from '../../core/ports/events.ts';
import type { TimerScheduler } from '../../core/ports/timers.ts';
import type { WorkflowGateway } from '../../core/ports/workflows.ts';
import type { Clock } from '../../core/time/clock.ts';
import type { ChatDeps } from '../chat/conversations.ts';
import type { Log } from '../shared/logger.ts';
import type { CaseRules } from './case-rules.ts';

export interface EffectDeps extends Omit<ChatDeps, 'policy' | 'clock' | 'events'> {
  repository: CaseRepository;
  workflows: WorkflowGateway;
  timers: TimerScheduler;
  events: EventPublisher;
  policy: CompiledPolicy;
  caseRules: CaseRules;
  clock: Clock;
  log: Log;
}

/** The answer to a new event: the case it opened or concerned. */
export interface Accepted {
  /** Null for an event about no one case (`stock.received`: its answer lists the cases it touched). */
  caseId: string | null;
  /** More of the answer, e.g. `stock.received`'s released and cleared cases. */
  detail?: Record<string, unknown>;
}
