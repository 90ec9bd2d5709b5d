import { ValidationException } from '../errors.ts';
import { isEventBusArn, isLambdaArn, isStateMachineArn } from '../engine/dispatcher.ts';
import { cronOf } from '../expression/cron.ts';
import { parseScheduleExpression } from '../expression/parse.ts';
import { isTimeZone } from '../expression/zoned-time.ts';
import { ActionAfterCompletion, ScheduleState, type ScheduleRecord, type ScheduleTarget } from '../store/records.ts';
import { optionalDate, optionalString, requiredString } from './fields.ts';

type Body = Record<string, unknown>;

/** The fields CreateSchedule and UpdateSchedule share, validated as Scheduler validates them. */
export type ScheduleFields = Omit<ScheduleRecord, 'Name' | 'GroupName' | 'Arn' | 'CreationDate' | 'LastModificationDate'>;

/**
 * How far before now a recurring schedule's StartDate may lie. Scheduler answers an older one with
 * ValidationException "The StartDate you specify cannot be earlier than 5 minutes ago." on
 * CreateSchedule and UpdateSchedule (as the aws-scheduler CDK construct and moto check it; the API
 * Reference, CreateSchedule › StartDate: "EventBridge Scheduler ignores StartDate for one-time
 * schedules", so an at() schedule's StartDate is not checked).
 */
export const START_DATE_TOLERANCE_MS = 5 * 60_000;

/** `nowMs` is the emulator's clock: a recurring schedule's StartDate may not be more than 5 minutes before it. */
export function scheduleFields(body: Body, nowMs: number): ScheduleFields {
  const expression = requiredString(body, 'ScheduleExpression');
  const parsed = parseScheduleExpression(expression);
  const timeZone = optionalString(body, 'ScheduleExpressionTimezone');
  if (timeZone !== undefined && !isTimeZone(timeZone)) throw new ValidationException(`Invalid ScheduleExpressionTimezone: ${timeZone}`);
  if (parsed.kind === 'cron') cronOf(parsed.fields);
  const startDate = optionalDate(body, 'StartDate');
  const endDate = optionalDate(body, 'EndDate');
  if (startDate !== undefined && endDate !== undefined && endDate <= startDate) throw new ValidationException('The EndDate must be after the StartDate.');
  if (parsed.kind !== 'at' && startDate !== undefined && startDate < nowMs - START_DATE_TOLERANCE_MS) {
    throw new ValidationException('The StartDate you specify cannot be earlier than 5 minutes ago.');
  }
  const state = optionalString(body, 'State') ?? ScheduleState.ENABLED;
  if (!Object.values(ScheduleState).includes(state as ScheduleState)) throw new ValidationException(`Invalid State: ${state}`);
  const action = optionalString(body, 'ActionAfterCompletion') ?? ActionAfterCompletion.NONE;
  if (!Object.values(ActionAfterCompletion).includes(action as ActionAfterCompletion)) throw new ValidationException(`Invalid ActionAfterCompletion: ${action}`);
  const description = optionalString(body, 'Description');
  const kmsKeyArn = optionalString(body, 'KmsKeyArn');
  return {
    ScheduleExpression: expression,
    ...(timeZone !== undefined ? { ScheduleExpressionTimezone: timeZone } : {}),
    ...(startDate !== undefined ? { StartDate: startDate } : {}),
    ...(endDate !== undefined ? { EndDate: endDate } : {}),
    ...(description !== undefined ? { Description: description } : {}),
    ...(kmsKeyArn !== undefined ? { KmsKeyArn: kmsKeyArn } : {}),
    State: state as ScheduleState,
    FlexibleTimeWindow: flexibleTimeWindow(body.FlexibleTimeWindow),
    Target: target(body.Target),
    ActionAfterCompletion: action as ActionAfterCompletion,
  };
}

function flexibleTimeWindow(value: unknown): ScheduleRecord['FlexibleTimeWindow'] {
  const w = (typeof value === 'object' && value !== null ? value : undefined) as Body | undefined;
  if (!w) throw new ValidationException("1 validation error detected: Value at 'flexibleTimeWindow' failed to satisfy constraint: Member must not be null");
  if (w.Mode === 'OFF') return { Mode: 'OFF' };
  if (w.Mode !== 'FLEXIBLE') throw new ValidationException(`Invalid FlexibleTimeWindow Mode: ${String(w.Mode)}`);
  const minutes = w.MaximumWindowInMinutes;
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > 1440) throw new ValidationException('MaximumWindowInMinutes must be between 1 and 1440 when Mode is FLEXIBLE');
  return { Mode: 'FLEXIBLE', MaximumWindowInMinutes: minutes };
}

function target(value: unknown): ScheduleTarget {
  const t = (typeof value === 'object' && value !== null ? value : undefined) as Body | undefined;
  if (!t) throw new ValidationException("1 validation error detected: Value at 'target' failed to satisfy constraint: Member must not be null");
  const arn = requiredString(t, 'Arn');
  requiredString(t, 'RoleArn');
  if (!isLambdaArn(arn) && !isStateMachineArn(arn) && !isEventBusArn(arn)) throw new ValidationException(`Target ${arn} is not supported by the emulator (Lambda function, Step Functions state machine or event bus).`);
  if (isEventBusArn(arn) && typeof t.EventBridgeParameters !== 'object') throw new ValidationException('An event bus target needs EventBridgeParameters.');
  const retry = t.RetryPolicy as ScheduleTarget['RetryPolicy'];
  if (retry?.MaximumRetryAttempts !== undefined && !(retry.MaximumRetryAttempts >= 0 && retry.MaximumRetryAttempts <= 185)) throw new ValidationException('MaximumRetryAttempts must be between 0 and 185');
  if (retry?.MaximumEventAgeInSeconds !== undefined && !(retry.MaximumEventAgeInSeconds >= 60 && retry.MaximumEventAgeInSeconds <= 86_400)) throw new ValidationException('MaximumEventAgeInSeconds must be between 60 and 86400');
  return t as unknown as ScheduleTarget;
}
