/**
 * What the notify function works with. Production builds it from the shared dependencies and the
 * environment (`notifyDependencies`); tests pass their own.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EventBridgeFlushScheduler } from '../../adapters/alarms/flush-scheduler.ts';
import { DynamoDbAlarmOutbox } from '../../adapters/alarms/dynamodb-alarm-outbox.ts';
import { postToRobot, type RobotRequest } from '../../adapters/alarms/robot-client.ts';
import { secretResolver, type SecretResolver } from '../../adapters/alarms/secrets.ts';
import { casesTable } from '../../adapters/case-repository/table.ts';
import type { RobotAnswer } from '../../core/alarms/answers.ts';
import type { AlarmOutbox, FlushScheduler } from '../../core/alarms/outbox.ts';
import type { CaseRepository } from '../../core/cases/repository.ts';
import type { ConversationStore } from '../../core/chat/repository.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import { systemClock, type Clock } from '../../core/time/clock.ts';
import { readConfig, type EnvSource } from '../shared/config.ts';
import { dependencies } from '../shared/dependencies.ts';
import type { Log } from '../shared/logger.ts';
import { NOTIFY_FUNCTION_ID } from './function.ts';
import { alarmSetup, type AlarmSetup } from './setup.ts';

export interface NotifyDeps {
  outbox: AlarmOutbox;
  flushes: FlushScheduler;
  repository: Pick<CaseRepository, 'getCase' | 'listStepsClosedOn' | 'listQueue' | 'listAwaiting'>;
  /** The daily summary counts the day's chat breaches (service-standards.md §9). */
  conversations: Pick<ConversationStore, 'listByDay'>;
  policy: CompiledPolicy;
  setup: AlarmSetup;
  /** The platform's clock: digest windows, pacing, due times. */
  clock: Clock;
  /** The real clock, for signature timestamps only (robots check them against theirs). */
  realClock: Clock;
  send: (request: RobotRequest) => Promise<RobotAnswer>;
  secrets: SecretResolver;
  log: Log;
}

let cached: { shared: object; deps: NotifyDeps } | undefined;

/**
 * The production set: clients built once per cold start (and again when the handlers' shared
 * dependencies change, as each local runtime's do); the channels read from the environment each time.
 */
export function notifyDependencies(env: EnvSource = process.env): NotifyDeps {
  const shared = dependencies();
  if (cached !== undefined && cached.shared === shared) return { ...cached.deps, setup: alarmSetup(shared.policy.alarms, env) };
  const config = readConfig(env);
  const db = DynamoDBDocumentClient.from(shared.clients.dynamodb(), { marshallOptions: { removeUndefinedValues: true } });
  const deps: NotifyDeps = {
    outbox: new DynamoDbAlarmOutbox(db, config.tableName(casesTable.id)),
    flushes: new EventBridgeFlushScheduler({
      client: shared.clients.scheduler(),
      groupName: config.timerScheduleGroup(),
      notifyArn: config.functionArn(NOTIFY_FUNCTION_ID),
      roleArn: config.schedulerRoleArn(),
    }),
    repository: shared.repository,
    conversations: shared.conversations,
    policy: shared.policy,
    setup: alarmSetup(shared.policy.alarms, env),
    clock: shared.clock,
    realClock: systemClock,
    send: (request) => postToRobot(request),
    secrets: secretResolver(env, shared.clients.secretsManager),
    log: shared.log,
  };
  cached = { shared, deps };
  return deps;
}
