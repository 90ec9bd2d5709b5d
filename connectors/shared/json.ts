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
