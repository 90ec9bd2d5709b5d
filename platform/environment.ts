/**
 * The environment variables through which both homes tell a function where its resources are.
 * The CDK stack and the local runtime set them from the manifest; handlers read them only
 * through `functions/shared/config.ts`. Nobody writes these names as bare strings elsewhere.
 * Kept in platform/ (below functions/, beside manifest-types.ts) so handlers never import app/.
 */
export const Env = {
  /** Physical name of a manifest table: `TABLE_<ID>`, e.g. TABLE_CASES. */
  table: (tableId: string) => `TABLE_${constantCase(tableId)}`,
  /** Name of a manifest event bus: `BUS_<ID>`. */
  bus: (busId: string) => `BUS_${constantCase(busId)}`,
  /** ARN of a manifest workflow (state machine): `WORKFLOW_<ID>_ARN`. */
  workflowArn: (workflowId: string) => `WORKFLOW_${constantCase(workflowId)}_ARN`,
  /** ARN of a manifest function, for schedules that target it: `FUNCTION_<ID>_ARN`. */
  functionArn: (functionId: string) => `FUNCTION_${constantCase(functionId)}_ARN`,
  /** URL of a manifest queue: `QUEUE_<ID>_URL`. */
  queueUrl: (queueId: string) => `QUEUE_${constantCase(queueId)}_URL`,
  /** Scheduler group of the one-time SLA timers. */
  timerScheduleGroup: 'TIMER_SCHEDULE_GROUP',
  /** Role EventBridge Scheduler assumes to invoke the timer function. */
  schedulerRoleArn: 'SCHEDULER_ROLE_ARN',
  /** The storefront webhook secret itself (local), or the Secrets Manager ARN holding it (AWS). */
  webhookSecret: 'STOREFRONT_WEBHOOK_SECRET',
  webhookSecretArn: 'STOREFRONT_WEBHOOK_SECRET_ARN',
  /** The key signing the staff API's page tokens itself (local), or the Secrets Manager ARN holding it (AWS). */
  pageTokenSecret: 'PAGE_TOKEN_SECRET',
  pageTokenSecretArn: 'PAGE_TOKEN_SECRET_ARN',
  /** The people (issue 23): the local accounts file `npm run user` keeps … */
  peopleAccountsFile: 'PEOPLE_ACCOUNTS_FILE',
  /** … or the staff Cognito user pool (AWS), whose users and groups are the people and their roles. */
  staffUserPoolId: 'STAFF_USER_POOL_ID',
  /** Optional path of a policy file replacing the shipped default. */
  policyPath: 'SLA_POLICY_PATH',
  /** The one-robot shortcut (docs/alarms.md): every alarm event goes to this webhook URL. */
  alarmWebhookUrl: 'ALARM_WEBHOOK_URL',
  /** `wecom|dingtalk|feishu|slack|generic`; default: recognised from the URL's host. */
  alarmWebhookKind: 'ALARM_WEBHOOK_KIND',
  /** The shortcut robot's signing secret itself (local) … */
  alarmWebhookSecret: 'ALARM_WEBHOOK_SECRET',
  /** … or the Secrets Manager secret (name or ARN) holding it (AWS). */
  alarmWebhookSecretId: 'ALARM_WEBHOOK_SECRET_ID',
  /** Base URL of the console for case links in alarms, e.g. `http://127.0.0.1:3000/console/`. */
  alarmConsoleUrl: 'ALARM_CONSOLE_URL',
} as const;

function constantCase(id: string): string {
  return id.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}
