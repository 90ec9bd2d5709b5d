/** Media types of request bodies (RFC 9110 §8.3.1: `type/subtype` then `;`-separated parameters, case-insensitive). */

/** Whether a `Content-Type` value is `application/json`, with any parameters (e.g. `; charset=utf-8`). */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const essence = contentType.split(';', 1)[0]?.trim().toLowerCase();
  return essence === 'application/json';
}
