/**
 * Everything a function's logic works with, built once per cold start from the configuration.
 * Each piece is built on first use, so a function that never publishes never needs a bus
 * variable; a missing variable fails loudly when the piece is first used. Tests install their
 * own set with `useDependencies` (a real repository on DynamoDB Local, fakes for the rest).
 */
import { DynamoDbConversationStore } from '../../adapters/chat/dynamodb-conversation-store.ts';
import { SqsChatTimers } from '../../adapters/chat/sqs-chat-timers.ts';
import type { ConversationStore } from '../../core/chat/repository.ts';
import { DynamoDbQaStore } from '../../adapters/qa/dynamodb-qa-store.ts';
import type { QaStore } from '../../core/people/qa/store.ts';
import type { ChatTimers } from '../../core/ports/chat-timers.ts';
import { chatTimersQueue } from '../chat-timer/function.ts';
import { noticeDeadLetters } from '../../adapters/notices/notice-outbox.ts';
import type { DeadLetter } from '../../core/alarms/outbox.ts';
import type { QueuedNotice } from '../../core/notices/notice.ts';
import { DynamoDbCaseRepository } from '../../adapters/case-repository/dynamodb-case-repository.ts';
import { PageTokens } from '../../adapters/case-repository/pagination.ts';
import { casesTable } from '../../adapters/case-repository/table.ts';
import { eventBus } from '../../adapters/events/bus.ts';
import { EventBridgePublisher } from '../../adapters/events/eventbridge-publisher.ts';
import { EventBridgeTimerScheduler } from '../../adapters/scheduler/eventbridge-scheduler.ts';
import { StepFunctionsGateway } from '../../adapters/workflows/step-functions-gateway.ts';
import type { CaseRepository } from '../../core/cases/repository.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import type { EventPublisher } from '../../core/ports/events.ts';
import type { TimerScheduler } from '../../core/ports/timers.ts';
import type { WorkflowGateway } from '../../core/ports/workflows.ts';
import { systemClock, type Clock } from '../../core/time/clock.ts';
import { getDefaultPolicy, loadPolicy } from '../../policy/load.ts';
import { slaTimerFunction } from '../sla-timer/function.ts';
import { Env } from '../../platform/environment.ts';
import { awsClients, type AwsClients } from './aws-clients.ts';
import { readConfig, type EnvSource, type FunctionConfig } from './config.ts';
import { logger, type Log } from './logger.ts';
import { pageTokenSecretSource } from './secret-source.ts';
import { DynamoDbPolicyStore } from '../../adapters/policy-store/dynamodb-policy-store.ts';
import type { PolicyVersionStore } from '../../core/policy-versions/version.ts';
import { MissingConfiguration } from './errors.ts';
import { PolicyCache } from './policy-cache.ts';
import { setPolicyRefresher } from './policy-refresh.ts';

export interface Dependencies {
  readonly repository: CaseRepository;
  readonly events: EventPublisher;
  readonly timers: TimerScheduler;
  readonly workflows: WorkflowGateway;
  readonly conversations: ConversationStore;
  readonly chatTimers: ChatTimers;
  /** Quality checks (质检, issue 23) in the case table. */
  readonly qa: QaStore;
  /** The policy in force: the store's current version (through `policyCache`), else the configured file's. Read per use: a publish changes it. */
  readonly policy: CompiledPolicy;
  /** The versions of the policy (issue 25); absent where the function has no case table. */
  readonly policyVersions?: PolicyVersionStore;
  /** Keeps `policy` on the version in force (refreshed before each invocation); absent when the policy is fixed (tests, no store). */
  readonly policyCache?: PolicyCache;
  /** The business clock: deadlines, timers, records. `npm start --time` shifts it for rehearsals. */
  readonly clock: Clock;
  /**
   * The clock of transport checks (a webhook signature's freshness window): the real time the
   * sender signs with, even while `clock` is shifted. Absent: `clock` (tests and the demo sign on it).
   */
  readonly transportClock?: Clock;
  readonly log: Log;
  /** The customer notices given up on (docs/notices.md), for the supervisor board; absent in test sets: none. */
  readonly noticeDeadLetters?: () => Promise<DeadLetter<QueuedNotice>[]>;
  /** The AWS SDK clients the pieces above are built on (one per service); other adapters of the function share them. */
  readonly clients: AwsClients;
}

/** The production set for `config`; `overrides` replace single pieces. */
export function createDependencies(config: FunctionConfig, overrides: Partial<Dependencies> = {}): Dependencies {
  const clock = overrides.clock ?? systemClock;
  const clients = overrides.clients ?? awsClients();
  let filePolicy: CompiledPolicy | undefined;
  const fromFile = (): CompiledPolicy => {
    if (overrides.policy) return overrides.policy;
    const path = config.policyPath();
    filePolicy ??= path === undefined ? getDefaultPolicy() : loadPolicy(path);
    return filePolicy;
  };
  const deps: Dependencies = lazyObject<Dependencies>({
    repository: () =>
      overrides.repository ??
      new DynamoDbCaseRepository({ client: clients.dynamodb(), tableName: config.tableName(casesTable.id), pageTokens: pageTokensFor(clock, clients) }),
    events: () => overrides.events ?? new EventBridgePublisher({ client: clients.eventBridge(), busName: config.busName(eventBus.id), clock }),
    timers: () =>
      overrides.timers ??
      new EventBridgeTimerScheduler({
        client: clients.scheduler(),
        groupName: config.timerScheduleGroup(),
        targetArn: config.functionArn(slaTimerFunction.id),
        roleArn: config.schedulerRoleArn(),
      }),
    workflows: () => overrides.workflows ?? new StepFunctionsGateway({ client: clients.sfn(), stateMachineArn: (id) => config.workflowArn(id) }),
    conversations: () =>
      overrides.conversations ??
      new DynamoDbConversationStore({ client: clients.dynamodb(), tableName: config.tableName(casesTable.id) }),
    qa: () => overrides.qa ?? new DynamoDbQaStore({ client: clients.dynamodb(), tableName: config.tableName(casesTable.id) }),
    chatTimers: () => overrides.chatTimers ?? new SqsChatTimers({ client: clients.sqs(), queueUrl: config.queueUrl(chatTimersQueue.id), clock }),
    policy: () => deps.policyCache?.policy ?? fromFile(),
    policyVersions: () => overrides.policyVersions ?? policyStoreFor(config, clients),
    policyCache: () => {
      if (overrides.policyCache) return overrides.policyCache;
      const versions = overrides.policy ? undefined : deps.policyVersions;
      return versions === undefined ? undefined : new PolicyCache(versions, clock, fromFile(), overrides.log ?? logger);
    },
    clock: () => clock,
    transportClock: () => overrides.transportClock ?? clock,
    log: () => overrides.log ?? logger,
    // Built only when the board is read: a function without the table never touches it.
    noticeDeadLetters: () => overrides.noticeDeadLetters ?? (() => noticeDeadLetters(clients.dynamodb(), config.tableName(casesTable.id))()),
    clients: () => clients,
  }, ['policy']);
  return deps;
}

/** The versions in the case table, when this function has it (the notify function does not). */
function policyStoreFor(config: FunctionConfig, clients: AwsClients): PolicyVersionStore | undefined {
  let tableName: string;
  try {
    tableName = config.tableName(casesTable.id);
  } catch (error) {
    if (error instanceof MissingConfiguration) return undefined;
    throw error;
  }
  return new DynamoDbPolicyStore({ client: clients.dynamodb(), tableName });
}

/**
 * Page tokens keyed from the secret store when the function has it (`access.pageTokenSecret`: the
 * staff API, whose tokens come back on any instance), else with a key of this instance (tokens that
 * never leave the function, e.g. the sweep paging through due steps).
 */
function pageTokensFor(clock: Clock, clients: AwsClients, env: EnvSource = process.env): PageTokens {
  const configured = [Env.pageTokenSecret, Env.pageTokenSecretArn].some((name) => (env[name] ?? '') !== '');
  return configured ? new PageTokens(pageTokenSecretSource(env, clients.secretsManager), clock) : new PageTokens(undefined, clock);
}

let installed: Dependencies | undefined;

/** The function's dependencies: those installed with `useDependencies`, else the production set (built once). */
export function dependencies(): Dependencies {
  installed ??= createDependencies(readConfig());
  return installed;
}

// Before each invocation: the policy cache of the dependencies in use checks the version in force.
setPolicyRefresher(async () => {
  await dependencies().policyCache?.refresh();
});

/** Installs a set of dependencies for the handlers of this process (tests); `undefined` goes back to production. */
export function useDependencies(deps: Dependencies | undefined): void {
  installed = deps;
}

/** An object whose properties are built on first read and then kept; `live` ones are built on every read. */
function lazyObject<T extends object>(builders: { [K in keyof T]-?: () => T[K] }, live: readonly (keyof T)[] = []): T {
  const target = {} as T;
  for (const key of Object.keys(builders) as (keyof T)[]) {
    if (live.includes(key)) {
      Object.defineProperty(target, key, { enumerable: true, get: () => builders[key]() });
      continue;
    }
    let built = false;
    let value: T[typeof key] | undefined;
    Object.defineProperty(target, key, {
      enumerable: true,
      get: () => {
        if (!built) {
          value = builders[key]();
          built = true;
        }
        return value;
      },
    });
  }
  return target;
}
