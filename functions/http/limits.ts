/**
 * Limits of the staff API's requests, as data: checked before any read or write, each breach a
 * 400 (413 for the body) naming the field and the limit. Bodies carry completion fields and pause
 * reasons, which the step item keeps and the workflow's task output carries, so they stay far
 * below DynamoDB's 400 KB item and Step Functions' 256 KB payload.
 */
import type { JsonLimits } from '../../core/json/limits.ts';

export interface RequestLimits extends JsonLimits {
  /** Most bytes of a JSON body (413 beyond). */
  maxBodyBytes: number;
  /** Most characters of a path parameter (`caseId`, `step`) after percent-decoding. */
  maxPathParameterLength: number;
}

export const STAFF_REQUEST_LIMITS: RequestLimits = {
  maxBodyBytes: 16 * 1024,
  maxDepth: 8,
  maxStringLength: 2_000,
  maxKeyLength: 128,
  maxArrayItems: 500,
  maxObjectKeys: 100,
  maxPathParameterLength: 128,
};
