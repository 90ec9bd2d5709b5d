/** What the staff API's routes work with; the handler builds it from the function's dependencies. */
import type { CaseRepository } from '../../core/cases/repository.ts';
import type { ConversationStore } from '../../core/chat/repository.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import type { EventPublisher } from '../../core/ports/events.ts';
import type { TimerScheduler } from '../../core/ports/timers.ts';
import type { WorkflowGateway } from '../../core/ports/workflows.ts';
import type { Clock } from '../../core/time/clock.ts';
import type { PickupRunRequest, PickupRunResult } from '../pickup-batch/pickup-batch.ts';
import type { Log } from '../shared/logger.ts';
import type { AwsClients } from '../shared/aws-clients.ts';
import type { Team } from '../people/team.ts';

export interface StaffApiDeps {
  repository: CaseRepository;
  conversations: ConversationStore;
  workflows: WorkflowGateway;
  timers: TimerScheduler;
  events: EventPublisher;
  policy: CompiledPolicy;
  clock: Clock;
  log: Log;
  /** Runs a courier pickup batch (functions/pickup-batch). */
  runPickup: (request: PickupRunRequest) => Promise<PickupRunResult>;
  /** The people and rosters (issue 23, functions/people/team.ts); default: from the environment. */
  team?: Team;
  clients?: AwsClients;
}
