import type { NoticePolicy } from '../core/notices/policy.ts';
import type { PolicyDocument } from './schema.ts';

/** The validated `notices` section as the customer-notices function uses it. */
export function compileNotices(section: PolicyDocument['notices']): NoticePolicy {
  return {
    shop: section.shop,
    templates: { ...section.templates },
    ...(section.url !== undefined ? { url: section.url } : {}),
    ...(section.secret !== undefined ? { secret: section.secret } : {}),
  };
}
