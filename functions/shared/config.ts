/**
 * Where a function's resources are, read from the environment under the names of
 * `platform/environment.ts` for manifest ids. A missing variable fails loudly, naming it.
 */
import { Env } from '../../platform/environment.ts';
import { MissingConfiguration } from './errors.ts';

export type EnvSource = Readonly<Record<string, string | undefined>>;

export interface FunctionConfig {
  /** Physical name of the manifest table `tableId`. */
  tableName(tableId: string): string;
  /** Name of the manifest event bus `busId`. */
  busName(busId: string): string;
  /** State machine ARN of the manifest workflow `workflowId`. */
  workflowArn(workflowId: string): string;
  /** ARN of the manifest function `functionId` (the target of timers). */
  functionArn(functionId: string): string;
  /** URL of the manifest queue `queueId`. */
  queueUrl(queueId: string): string;
  timerScheduleGroup(): string;
  schedulerRoleArn(): string;
  /** A policy file replacing the shipped default, if configured. */
  policyPath(): string | undefined;
}

export function readConfig(env: EnvSource = process.env): FunctionConfig {
  const required = (name: string): string => {
    const value = env[name];
    if (value === undefined || value.trim() === '') throw new MissingConfiguration(name);
    return value;
  };
  const optional = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value;
  };
  return {
    tableName: (tableId) => required(Env.table(tableId)),
    busName: (busId) => required(Env.bus(busId)),
    workflowArn: (workflowId) => required(Env.workflowArn(workflowId)),
    functionArn: (functionId) => required(Env.functionArn(functionId)),
    queueUrl: (queueId) => required(Env.queueUrl(queueId)),
    timerScheduleGroup: () => required(Env.timerScheduleGroup),
    schedulerRoleArn: () => required(Env.schedulerRoleArn),
    policyPath: () => optional(Env.policyPath),
  };
}
