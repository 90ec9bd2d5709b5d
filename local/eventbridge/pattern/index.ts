/** EventBridge event-pattern semantics, pure: compile (validate) once, match many events. */
export { compilePattern } from './compile.ts';
export { matchesPattern } from './match.ts';
export { InvalidEventPatternError } from './errors.ts';
export type { JsonValue, JsonObject, JsonPrimitive, ObjectMatcher } from './types.ts';

import { compilePattern } from './compile.ts';
import { matchesPattern } from './match.ts';
import type { JsonValue } from './types.ts';

/** One-shot convenience (TestEventPattern): validates the pattern and matches one event. */
export function testEventPattern(pattern: string | JsonValue, event: JsonValue): boolean {
  return matchesPattern(compilePattern(pattern), event);
}
