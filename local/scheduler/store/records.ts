/** What the Scheduler emulator keeps, in the API's own field names (dates as epoch ms). */
export const ScheduleState = { ENABLED: 'ENABLED', DISABLED: 'DISABLED' } as const;
export type ScheduleState = (typeof ScheduleState)[keyof typeof ScheduleState];

export const ActionAfterCompletion = { NONE: 'NONE', DELETE: 'DELETE' } as const;
export type ActionAfterCompletion = (typeof ActionAfterCompletion)[keyof typeof ActionAfterCompletion];

export interface ScheduleTarget {
  Arn: string;
  RoleArn: string;
  Input?: string;
  RetryPolicy?: { MaximumEventAgeInSeconds?: number; MaximumRetryAttempts?: number };
  DeadLetterConfig?: { Arn?: string };
  EventBridgeParameters?: { DetailType: string; Source: string };
}

export interface ScheduleRecord {
  Name: string;
  GroupName: string;
  Arn: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone?: string;
  StartDate?: number;
  EndDate?: number;
  Description?: string;
  State: ScheduleState;
  FlexibleTimeWindow: { Mode: 'OFF' | 'FLEXIBLE'; MaximumWindowInMinutes?: number };
  Target: ScheduleTarget;
  ActionAfterCompletion: ActionAfterCompletion;
  KmsKeyArn?: string;
  CreationDate: number;
  LastModificationDate: number;
}

export interface GroupRecord {
  Name: string;
  Arn: string;
  CreationDate: number;
  LastModificationDate: number;
}

/** A stored schedule and its timer: the next instant it fires (none when disabled or done). */
export interface StoredSchedule {
  record: ScheduleRecord;
  nextFireAt: number | null;
  /** A one-time schedule that has fired (kept with ActionAfterCompletion NONE). */
  fired: boolean;
}
