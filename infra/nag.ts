import { NagSuppressions } from 'cdk-nag';
import type { Stack } from 'aws-cdk-lib';

/**
 * Findings that hold for the stack as a whole, each with the reason it is accepted. Suppressions
 * tied to one resource live next to that resource (alarms.ts, http-api.ts, webhook-secret.ts).
 */
export function suppressStackFindings(stack: Stack): void {
  NagSuppressions.addStackSuppressions(stack, []);
}
