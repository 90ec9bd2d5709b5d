/**
 * Structured JSON logs (Powertools Logger). Logic modules log through the narrow `Log` type and
 * tag their lines with the case and step they work on (`withStep`).
 */
import { Logger } from '@aws-lambda-powertools/logger';

/** What logic modules need of a logger. */
export type Log = Pick<Logger, 'debug' | 'info' | 'warn' | 'error' | 'appendKeys'>;

/** The one logger of a function; its service name comes from POWERTOOLS_SERVICE_NAME (set from the manifest's app name). */
export const logger = new Logger(process.env.POWERTOOLS_SERVICE_NAME ? {} : { serviceName: 'sla-platform' });

/** A logger for tests and tools that should print nothing. */
export function silentLogger(): Logger {
  return new Logger({ logLevel: 'SILENT' });
}

/** The keys every line about a step carries. */
export interface StepKeys {
  caseId: string;
  step?: string;
  attempt?: number;
}

/** Tags the following lines of this invocation with the case and step (reset by `lambdaHandler`). */
export function withStep(log: Log, keys: StepKeys): void {
  log.appendKeys({ caseId: keys.caseId, ...(keys.step !== undefined ? { step: keys.step } : {}), ...(keys.attempt !== undefined ? { attempt: keys.attempt } : {}) });
}
