import type { StateType } from './types.ts';

const JSONPATH_IO = ['InputPath', 'OutputPath', 'Parameters', 'ResultSelector', 'ResultPath'];
const JSONATA_IO = ['Arguments', 'Output'];
const COMMON = ['Type', 'Comment', 'QueryLanguage', 'Assign'];
const FLOW = ['Next', 'End'];

/** The fields each state type accepts (in either query language). */
export const STATE_FIELDS: Record<StateType, ReadonlySet<string>> = {
  Pass: new Set([...COMMON, ...FLOW, 'InputPath', 'OutputPath', 'Parameters', 'ResultPath', 'Result', 'Output']),
  Task: new Set([...COMMON, ...FLOW, ...JSONPATH_IO, ...JSONATA_IO, 'Resource', 'TimeoutSeconds', 'TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath', 'Retry', 'Catch', 'Credentials']),
  Choice: new Set([...COMMON, 'InputPath', 'OutputPath', 'Output', 'Choices', 'Default']),
  Wait: new Set([...COMMON, ...FLOW, 'InputPath', 'OutputPath', 'Output', 'Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath']),
  Succeed: new Set([...COMMON, 'InputPath', 'OutputPath', 'Output']),
  Fail: new Set(['Type', 'Comment', 'QueryLanguage', 'Error', 'ErrorPath', 'Cause', 'CausePath']),
  Parallel: new Set([...COMMON, ...FLOW, ...JSONPATH_IO, ...JSONATA_IO, 'Branches', 'Retry', 'Catch']),
  Map: new Set([...COMMON, ...FLOW, ...JSONPATH_IO, 'Output', 'ItemProcessor', 'Iterator', 'ItemsPath', 'Items', 'ItemSelector', 'MaxConcurrency', 'MaxConcurrencyPath', 'Retry', 'Catch', 'Label', 'ToleratedFailurePercentage', 'ToleratedFailureCount']),
};

/** Fields that belong to one query language only. */
export const JSONPATH_ONLY = new Set([...JSONPATH_IO, 'ItemsPath', 'TimeoutSecondsPath', 'HeartbeatSecondsPath', 'SecondsPath', 'TimestampPath', 'ErrorPath', 'CausePath', 'MaxConcurrencyPath', 'Result']);
export const JSONATA_ONLY = new Set([...JSONATA_IO, 'Items']);
