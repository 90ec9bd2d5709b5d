/** Tokens of DynamoDB's expression language (Developer Guide, "Using expressions in DynamoDB"). */
export type TokenKind = 'name' | 'placeholder' | 'value' | 'integer' | 'symbol' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

const PATTERNS: [TokenKind, RegExp][] = [
  ['placeholder', /#[A-Za-z0-9_]+/y],
  ['value', /:[A-Za-z0-9_]+/y],
  ['integer', /[0-9]+/y],
  ['name', /[A-Za-z_][A-Za-z0-9_]*/y],
  ['symbol', /<>|<=|>=|[=<>(),.[\]+-]/y],
];

/** Splits an expression into tokens; `undefined` where a character starts none (a syntax error there). */
export function tokenize(text: string): { tokens: Token[]; badAt?: number } {
  const tokens: Token[] = [];
  let badAt: number | undefined;
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at] as string)) at++;
    if (at >= text.length) break;
    let matched = false;
    for (const [kind, pattern] of PATTERNS) {
      pattern.lastIndex = at;
      const match = pattern.exec(text);
      if (match) {
        tokens.push({ kind, text: match[0], start: at, end: at + match[0].length });
        at += match[0].length;
        matched = true;
        break;
      }
    }
    if (!matched) {
      // Lexing goes on past the bad character so that the error can quote what follows it.
      badAt ??= tokens.length;
      tokens.push({ kind: 'symbol', text: text[at] as string, start: at, end: at + 1 });
      at++;
    }
  }
  tokens.push({ kind: 'eof', text: '<EOF>', start: text.length, end: text.length });
  return badAt === undefined ? { tokens } : { tokens, badAt };
}
