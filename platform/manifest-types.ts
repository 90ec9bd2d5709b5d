/**
 * The shapes of the manifest. Names here are logical ids; each home maps them to real resources.
 * They live in platform/, below functions/ and adapters/ (which declare their own entries with
 * them) and below app/manifest.ts (which gathers those entries), so imports run one way:
 * core/ ← adapters/, functions/ ← app/ ← infra/, local/ (test/architecture/layers.test.ts).
 */

export interface TableDecl {
  id: string;
  partitionKey: string;
  sortKey?: string;
  /** Global secondary indexes; every index projects all attributes. */
  indexes: { name: string; partitionKey: string; sortKey?: string }[];
  /** Attribute holding an epoch-seconds expiry; DynamoDB deletes the item some time after it. */
  ttlAttribute?: string;
  /** Types of key attributes (table and index keys); a key attribute not listed is a string. */
  keyTypes?: Record<string, 'string' | 'number'>;
}

export interface BusDecl {
  id: string;
}

/** What a function touches, so both homes can derive least-privilege grants and environment. */
export interface FunctionAccess {
  tables?: { id: string; access: 'read' | 'readwrite' }[];
  buses?: string[];
  workflows?: { id: string; access: 'start' | 'callback' | 'stop' }[];
  scheduler?: boolean;
  /**
   * Function ids the one-time schedules this function creates (SLA timers) invoke; the role it
   * passes to CreateSchedule may invoke exactly these. Optional: the CDK stack falls back to every
   * manifest function (with a synth warning) while a `scheduler` function does not declare it.
   */
  scheduleTargets?: string[];
  /** Queue ids the function sends messages to. */
  queues?: string[];
  /**
   * Reads the storefront webhook secret (Secrets Manager on AWS). Optional: when no function
   * declares it, the CDK stack grants it to the functions behind `public` routes.
   */
  webhookSecret?: boolean;
  /**
   * Signs page tokens that leave the function (the staff API's `nextToken`) with the shared key in
   * the secret store; other functions page with a key of their own instance.
   */
  pageTokenSecret?: boolean;
  /**
   * Reads the alarm channels' signing secrets from Secrets Manager on AWS: the shortcut robot's
   * (`imWebhookSecretName` context) and the policy's `{"secretsManager": …}` references.
   */
  alarmSecrets?: boolean;
  /** Reads the policy's `notices.secret` from Secrets Manager on AWS when it is a `{"secretsManager": …}` reference (docs/notices.md). */
  noticeSecrets?: boolean;
  /** Reads the people (issue 23): the staff Cognito user pool's users and groups on AWS, the accounts file locally. */
  people?: boolean;
  /**
   * Reads the platform connectors' secrets (the policy's `connectors[].secrets`): on AWS, read
   * access to exactly the Secrets Manager secrets they refer to (docs/connectors.md).
   */
  connectorSecrets?: boolean;
}

export interface FunctionDecl {
  id: string;
  /** Module path relative to the repository root, e.g. `functions/open-step/handler.ts`. */
  entry: string;
  handler?: string;
  timeoutSeconds?: number;
  memoryMb?: number;
  access: FunctionAccess;
}

export interface WorkflowDecl {
  id: string;
  /** Path of the ASL file, e.g. `workflows/order.asl.json`. */
  definition: string;
  /** Substitution name (without `${}`) → function id. */
  functions: Record<string, string>;
}

export interface ScheduleDecl {
  id: string;
  expression: string;
  timeZone: string;
  targetFunction: string;
}

export interface RuleDecl {
  id: string;
  bus: string;
  pattern: Record<string, unknown>;
  targets: { function?: string; workflow?: string }[];
}

/**
 * A standard SQS queue whose messages Lambda's event source mapping hands to `consumer` (on AWS
 * and locally). Used where a timer needs second precision, which EventBridge Scheduler (60 s)
 * does not give.
 */
export interface QueueDecl {
  id: string;
  /** The function invoked with the queue's messages (SQS events, partial batch responses). */
  consumer: string;
  /** Messages per invocation on AWS (the local mapping delivers one at a time). */
  batchSize?: number;
  /** Receives before a failing message moves to the dead-letter queue. */
  maxReceiveCount?: number;
  /**
   * The event source mapping's ScalingConfig.MaximumConcurrency: consumer invocations at once
   * (AWS: 2–1000; absent, Lambda scales the pollers up to its own limits).
   */
  maximumConcurrency?: number;
}

export interface RouteDecl {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  function: string;
  /** `jwt` routes need a staff token; `public` routes check their own credentials (webhook HMAC). */
  auth: 'jwt' | 'public';
}

export interface Manifest {
  app: string;
  tables: TableDecl[];
  buses: BusDecl[];
  functions: FunctionDecl[];
  workflows: WorkflowDecl[];
  schedules: ScheduleDecl[];
  queues: QueueDecl[];
  rules: RuleDecl[];
  routes: RouteDecl[];
}

/** Defaults for a manifest function that does not set them: the stack deploys them, the local invoker runs with them. */
export const FunctionDefaults = { memoryMb: 256, timeoutSeconds: 10, asyncRetryAttempts: 2, asyncMaxEventAgeHours: 6 } as const;
