/** What the EventBridge emulator keeps: buses, rules and their targets. */
export interface BusRecord {
  name: string;
  arn: string;
  description?: string;
  creationTime: number;
  lastModifiedTime: number;
}

export const RuleState = { ENABLED: 'ENABLED', DISABLED: 'DISABLED', ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS: 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS' } as const;
export type RuleState = (typeof RuleState)[keyof typeof RuleState];

export interface RuleRecord {
  busName: string;
  name: string;
  arn: string;
  eventPattern?: string;
  scheduleExpression?: string;
  state: RuleState;
  description?: string;
  roleArn?: string;
}

/** A target as PutTargets takes it and ListTargetsByRule returns it (the API's own field names). */
export interface TargetRecord {
  Id: string;
  Arn: string;
  RoleArn?: string;
  Input?: string;
  InputPath?: string;
  InputTransformer?: { InputPathsMap?: Record<string, string>; InputTemplate: string };
  RetryPolicy?: { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number };
  DeadLetterConfig?: { Arn?: string };
  HttpParameters?: { HeaderParameters?: Record<string, string>; QueryStringParameters?: Record<string, string>; PathParameterValues?: string[] };
}
