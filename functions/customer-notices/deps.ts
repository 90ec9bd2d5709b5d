/**
 * What the customer-notices function works with. Production builds it from the shared
 * dependencies and the environment (`noticeDependencies`); tests pass their own.
 */
import { secretResolver, type SecretResolver } from '../../adapters/alarms/secrets.ts';
import { casesTable } from '../../adapters/case-repository/table.ts';
import { noticeOutbox } from '../../adapters/notices/notice-outbox.ts';
import { EventBridgeDeliveryScheduler } from '../../adapters/notices/delivery-scheduler.ts';
import { postNotice, type NoticePost, type NoticePostResult } from '../../adapters/notices/storefront-notice-client.ts';
import type { AlarmOutbox, FlushScheduler } from '../../core/alarms/outbox.ts';
import type { CaseRepository } from '../../core/cases/repository.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import type { QueuedNotice } from '../../core/notices/notice.ts';
import type { EventPublisher } from '../../core/ports/events.ts';
import { systemClock, type Clock } from '../../core/time/clock.ts';
import { readConfig, type EnvSource } from '../shared/config.ts';
import { dependencies } from '../shared/dependencies.ts';
import type { Log } from '../shared/logger.ts';
import { CUSTOMER_NOTICES_FUNCTION_ID } from './function.ts';

export { STOREFRONT_CHANNEL } from '../../adapters/notices/notice-outbox.ts';

export interface NoticeDeps {
  outbox: AlarmOutbox<QueuedNotice>;
  deliveries: FlushScheduler;
  repository: Pick<CaseRepository, 'getCase' | 'getStep' | 'appendTimeline'>;
  events: EventPublisher;
  policy: CompiledPolicy;
  /** The platform's clock: back-off, the 24 h limit, records. */
  clock: Clock;
  /** The real clock, for signature timestamps only (the storefront checks them against its own). */
  realClock: Clock;
  post: (post: NoticePost) => Promise<NoticePostResult>;
  secrets: SecretResolver;
  log: Log;
}

let cached: { shared: object; deps: NoticeDeps } | undefined;

/** The production set, built once per cold start (and again when the shared dependencies change, as each local runtime's do). */
export function noticeDependencies(env: EnvSource = process.env): NoticeDeps {
  const shared = dependencies();
  if (cached !== undefined && cached.shared === shared) return cached.deps;
  const config = readConfig(env);
  const deps: NoticeDeps = {
    outbox: noticeOutbox(shared.clients.dynamodb(), config.tableName(casesTable.id)),
    deliveries: new EventBridgeDeliveryScheduler({
      client: shared.clients.scheduler(),
      groupName: config.timerScheduleGroup(),
      functionArn: config.functionArn(CUSTOMER_NOTICES_FUNCTION_ID),
      roleArn: config.schedulerRoleArn(),
    }),
    repository: shared.repository,
    events: shared.events,
    policy: shared.policy,
    clock: shared.clock,
    realClock: systemClock,
    post: (post) => postNotice(post),
    secrets: secretResolver(env, shared.clients.secretsManager),
    log: shared.log,
  };
  cached = { shared, deps };
  return deps;
}
