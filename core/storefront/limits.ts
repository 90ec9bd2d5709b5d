/**
 * The storefront webhook's limits (api.md: 400 with the field named, 413 for the body), chosen so
 * that an accepted event can always be stored and started: the case item keeps the event's `data`
 * and the workflow's input carries it, while DynamoDB takes at most 400 KB per item (lists and maps
 * cost up to ~1.5× their JSON size) and Step Functions at most 256 KB of input.
 */
import type { JsonLimits } from '../json/limits.ts';

export interface StorefrontLimits extends JsonLimits {
  /** Most bytes of the raw body; more is 413 before the signature is even checked. */
  maxBodyBytes: number;
  /** Most characters of an id (`id`, `orderId`, `caseId`, `complaintId`, `sku`): they become DynamoDB keys. */
  maxIdLength: number;
}

export const STOREFRONT_LIMITS: StorefrontLimits = {
  maxBodyBytes: 64 * 1024,
  maxDepth: 16,
  maxStringLength: 4_000,
  maxKeyLength: 128,
  maxArrayItems: 500,
  maxObjectKeys: 200,
  maxIdLength: 128,
};
