/** Reading the API's 400 message (functions/http/validate.ts: `<where>.<field path>: <message>; ...`) field by field. */

/**
 * `body.fields.serialNumbers: must list at least one; body.outcome: is required` →
 * `{"fields.serialNumbers": "...", "outcome": "..."}` (array indexes dropped: the field, not the item).
 */
export function fieldErrorsOf(message: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of message.split('; ')) {
    const match = /^(?:body|query)\.([\w.[\]-]+): (.+)$/.exec(part);
    if (!match) continue;
    const field = (match[1] as string).replace(/\[\d+\]/g, '').replace(/\.\d+(?=\.|$)/g, '');
    out[field] ??= match[2] as string;
  }
  return out;
}
