/**
 * Which fields are personal data, said by the schemas themselves: a field's schema is marked with
 * `personal(schema, kind)` (a zod registry, so the mark travels with the schema and not with a key
 * name), and `personalPaths(schema)` reads the marks back as dotted paths (`customer.phone`).
 * Masking (core/cases/mask.ts) masks what the schema marks, and every other field whose name looks
 * personal (the contract lets storefronts send extra fields: `customer.mobile`, `phoneNumber`).
 */
import { z } from 'zod';

/** How a personal value is shown to staff: `phone` as 138****0000. */
export type PersonalKind = 'phone';

export const personalData = z.registry<{ personal: PersonalKind }>();

/** A copy of `schema` marked as personal data of `kind` (a copy: shared base schemas stay unmarked). */
export function personal<T extends z.ZodType>(schema: T, kind: PersonalKind): T {
  const marked = schema.clone() as T;
  personalData.add(marked, { personal: kind });
  return marked;
}

/** The marked fields under `schema`, by dotted path (array items add no segment), with their kind. */
export function personalPaths(schema: z.ZodType, prefix = ''): Map<string, PersonalKind> {
  const found = new Map<string, PersonalKind>();
  const visit = (s: z.ZodType, path: string, depth: number): void => {
    const mark = personalData.get(s);
    if (mark !== undefined) found.set(path, mark.personal);
    if (depth > 32) return;
    const def = (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    switch (def.type) {
      case 'object':
        for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) visit(child, path === '' ? key : `${path}.${key}`, depth + 1);
        return;
      case 'array':
        visit(def.element as z.ZodType, path, depth + 1);
        return;
      case 'union':
        for (const option of def.options as z.ZodType[]) visit(option, path, depth + 1);
        return;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'readonly':
        visit(def.innerType as z.ZodType, path, depth + 1);
        return;
      case 'pipe':
        visit(def.in as z.ZodType, path, depth + 1);
        return;
      default:
        return;
    }
  };
  visit(schema, prefix, 0);
  return found;
}

/** Words that make a field name look personal (its camelCase / snake_case / kebab-case parts, lower-cased). */
const PERSONAL_WORDS = new Set(['phone', 'phones', 'mobile', 'tel', 'telephone', 'cell', 'cellphone', 'msisdn', 'whatsapp', 'wechat', 'weixin', 'email', 'mail', 'idcard', 'passport', '手机', '电话', '手机号', '邮箱', '身份证']);

/** Whether a field name looks like personal contact data (`mobile`, `phoneNumber`, `customer_tel`, `手机号`), so an unmarked extra field is masked too. */
export function looksPersonal(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .map((w) => w.toLowerCase())
    .filter(Boolean);
  return words.some((w) => PERSONAL_WORDS.has(w)) || PERSONAL_WORDS.has(key.toLowerCase()) || /手机|电话|邮箱|身份证/.test(key);
}
