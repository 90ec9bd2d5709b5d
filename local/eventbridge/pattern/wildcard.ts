import { InvalidEventPatternError } from './errors.ts';

/**
 * EventBridge's `wildcard` filter: `*` matches any run of characters (including none), `\*` a
 * literal star, `\\` a literal backslash. Consecutive unescaped stars are refused, as AWS does.
 */
export function compileWildcard(pattern: string, path: string): (value: string) => boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      const next = pattern[i + 1];
      if (next !== '*' && next !== '\\') throw new InvalidEventPatternError(`wildcard "${pattern}": a backslash must escape "*" or "\\"`, path);
      source += escapeRegExp(next);
      i++;
    } else if (ch === '*') {
      if (pattern[i + 1] === '*') throw new InvalidEventPatternError(`wildcard "${pattern}": consecutive wildcard characters are not allowed`, path);
      source += '[\\s\\S]*';
    } else {
      source += escapeRegExp(ch);
    }
  }
  const regex = new RegExp(`^${source}$`);
  return (value) => regex.test(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
