/** The policy's `notices` section as the customer-notices function uses it (policy/notices.ts compiles it). */
import type { SecretRef } from '../alarms/routing.ts';
import type { NoticeKind } from './notice.ts';

export interface NoticePolicy {
  /** The storefront's notice webhook; absent: notices go on the bus only, nothing is posted. */
  url?: string;
  /** The shared signing secret, by reference (an environment variable, or Secrets Manager on AWS). */
  secret?: SecretRef;
  /** `{shop}` in the templates. */
  shop: string;
  templates: Readonly<Record<NoticeKind, string>>;
}
