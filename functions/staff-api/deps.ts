/** What the staff API's routes work with; the handler builds it from the function's dependencies. */
import type { CaseRepository } from '../../core/cases/repository.ts';
import type { ConversationStore } from '../../core/chat/repository.ts';
import type { QaStore } from '../../core/people/qa/store.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import type { EventPublisher } from '../../core/ports/events.ts';
import type { TimerScheduler } from '../../core/ports/timers.ts';
import type { WorkflowGateway } from '../../core/ports/workflows.ts';
import type { Clock } from '../../core/time/clock.ts';
import type { PickupRunRequest, PickupRunResult } from '../pickup-batch/pickup-batch.ts';
import type { Log } from '../shared/logger.ts';
import type { DeadLetter } from '../../core/alarms/outbox.ts';
import type { QueuedNotice } from '../../core/notices/notice.ts';
import type { PolicyVersionStore } from '../../core/policy-versions/version.ts';
import type { SeedSource } from '../shared/policy-seed.ts';
import type { PolicyCache } from '../shared/policy-cache.ts';
import type { AwsClients } from '../shared/aws-clients.ts';
import type { Team } from '../people/team.ts';

export interface StaffApiDeps {
  repository: CaseRepository;
  conversations: ConversationStore;
  /** Quality checks (质检). */
  qa: QaStore;
  workflows: WorkflowGateway;
  timers: TimerScheduler;
  events: EventPublisher;
  policy: CompiledPolicy;
  clock: Clock;
  log: Log;
  /** The policy's versions (issue 25); absent where there is no store. */
  policyVersions?: PolicyVersionStore;
  /** Keeps this instance on the version in force; a publish refreshes it at once. */
  policyCache?: PolicyCache;
  /** Version 1's document when the store is empty: the configured policy file. */
  policySeed: () => SeedSource;
  /** Runs a courier pickup batch (functions/pickup-batch). */
  runPickup: (request: PickupRunRequest) => Promise<PickupRunResult>;
  /** Customer notices the storefront did not take within 24 h (the board lists them); absent: none. */
  deadNotices?: () => Promise<DeadLetter<QueuedNotice>[]>;
  /** The people and rosters (issue 23, functions/people/team.ts); default: from the environment. */
  team?: Team;
  clients?: AwsClients;
}
