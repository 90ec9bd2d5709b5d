/**
 * Limits of the policy routes' bodies (`POST /policy/versions`, `POST /policy/preview`): a whole
 * policy document, with a year or two of holidays and every step, is larger and deeper than a
 * completion (STAFF_REQUEST_LIMITS) but far below the 400 KB DynamoDB item a version is stored in.
 */
import { STAFF_REQUEST_LIMITS, type RequestLimits } from './limits.ts';

export const POLICY_REQUEST_LIMITS: RequestLimits = {
  ...STAFF_REQUEST_LIMITS,
  maxBodyBytes: 256 * 1024,
  maxDepth: 12,
  maxArrayItems: 2_000,
  maxObjectKeys: 500,
};

/** Routes whose bodies are policy documents. */
export const POLICY_BODY_PATHS: ReadonlySet<string> = new Set(['/policy/versions', '/policy/preview']);
