/**
 * Media types of request bodies (RFC 9110 §8.3.1: `type/subtype` then `;`-separated parameters,
 * case-insensitive). Every JSON body the API takes — the storefront webhook, the staff routes,
 * `POST /auth/login` — must be sent as `application/json` (api.md: "JSON in, JSON out, UTF-8").
 *
 * - A `charset` parameter may be given but must be UTF-8: RFC 8259 §8.1 makes JSON UTF-8, and a
 *   client announcing another charset has likely sent bytes that would be read as other text.
 * - Structured-suffix types (`application/*+json`, RFC 6839) are refused: they name other formats
 *   that happen to be JSON (`merge-patch+json` is a patch, `problem+json` an error report), and
 *   reading one as the route's plain document would act on something the client did not mean.
 */
import { UnsupportedMediaType } from './errors.ts';

/** What a refusal asks the client to send instead. */
export const JSON_MEDIA_TYPE = 'application/json';

const UTF8_CHARSETS = new Set(['utf-8', 'utf8']);

/** Whether a `Content-Type` value is `application/json`, with no charset or a UTF-8 one (other parameters are ignored). */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const [essence = '', ...parameters] = contentType.split(';');
  if (essence.trim().toLowerCase() !== JSON_MEDIA_TYPE) return false;
  return parameters.every((parameter) => {
    const [name = '', value = ''] = parameter.split('=', 2).map((part) => part.trim().toLowerCase());
    return name !== 'charset' || UTF8_CHARSETS.has(value.replace(/^"(.*)"$/, '$1'));
  });
}

/** Throws `UnsupportedMediaType` (415, naming what was sent and `application/json`) unless `isJsonMediaType`. */
export function requireJsonMediaType(contentType: string | undefined): void {
  if (!isJsonMediaType(contentType)) throw new UnsupportedMediaType(contentType, `${JSON_MEDIA_TYPE} (UTF-8)`);
}
