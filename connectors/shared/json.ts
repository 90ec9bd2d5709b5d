/** Reading a verified platform body as JSON, within the storefront's JSON limits. */
import { jsonLimitIssues } from '../../core/json/limits.ts';
import { ConnectorBodyInvalid } from './errors.ts';

/** Platforms send larger documents than our own events (whole orders): wider arrays and strings. */
export const CONNECTOR_LIMITS = { maxBodyBytes: 256 * 1024, maxDepth: 16, maxStringLength: 20_000, maxKeyLength: 128, maxArrayItems: 1_000, maxObjectKeys: 300 } as const;

export function parseJson(text: string, what: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConnectorBodyInvalid(`${what}: not valid JSON`);
  }
  const issues = jsonLimitIssues(json, CONNECTOR_LIMITS, '');
  if (issues.length > 0) throw new ConnectorBodyInvalid(`${what}: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`);
  return json;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-blank string, trimmed; undefined otherwise. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Unix seconds (a number or a string of digits, as Douyin and WeChat Shop send them) as an ISO instant; undefined otherwise. */
export function unix(value: unknown): string | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
  return n !== undefined && n > 0 && n < 1e11 ? new Date(n * 1000).toISOString() : undefined;
}
