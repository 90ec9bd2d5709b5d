import type { Json } from '../json.ts';

/** The syntax tree of an intrinsic function call such as `States.Format('{}', $.name)`. */
export type IntrinsicArg =
  | { kind: 'literal'; value: Json }
  | { kind: 'path'; path: string }
  | { kind: 'call'; name: string; args: IntrinsicArg[] };

export class IntrinsicSyntaxError extends Error {
  constructor(expr: string, why: string) {
    super(`Invalid intrinsic function '${expr}': ${why}`);
    this.name = 'IntrinsicSyntaxError';
  }
}

export function isIntrinsicCall(text: string): boolean {
  return /^States\.[A-Za-z0-9]+\(/.test(text.trim());
}

const cache = new Map<string, IntrinsicArg>();

export function parseIntrinsic(expr: string): Extract<IntrinsicArg, { kind: 'call' }> {
  let tree = cache.get(expr);
  if (!tree) {
    const parser = new Parser(expr);
    tree = parser.call();
    parser.end();
    cache.set(expr, tree);
  }
  return tree as Extract<IntrinsicArg, { kind: 'call' }>;
}

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  call(): IntrinsicArg {
    this.ws();
    const m = /^States\.[A-Za-z0-9]+/.exec(this.src.slice(this.i));
    if (!m) this.fail('expected a States.* function name');
    this.i += m![0].length;
    this.expect('(');
    const args: IntrinsicArg[] = [];
    this.ws();
    if (this.src[this.i] !== ')') {
      for (;;) {
        args.push(this.arg());
        this.ws();
        if (this.src[this.i] === ',') {
          this.i++;
          continue;
        }
        break;
      }
    }
    this.expect(')');
    return { kind: 'call', name: m![0], args };
  }

  end(): void {
    this.ws();
    if (this.i !== this.src.length) this.fail(`unexpected '${this.src.slice(this.i)}'`);
  }

  private arg(): IntrinsicArg {
    this.ws();
    const rest = this.src.slice(this.i);
    if (rest.startsWith("'")) return { kind: 'literal', value: this.string() };
    if (rest.startsWith('States.')) return this.call();
    if (rest.startsWith('$')) return { kind: 'path', path: this.pathText() };
    const m = /^(-?\d+(\.\d+)?([eE][-+]?\d+)?|null|true|false)/.exec(rest);
    if (!m) return this.fail(`unexpected argument '${rest}'`);
    this.i += m[0].length;
    return { kind: 'literal', value: JSON.parse(m[0]) as Json };
  }

  private string(): string {
    let out = '';
    this.i++;
    while (this.i < this.src.length) {
      const c = this.src[this.i]!;
      if (c === '\\') {
        // Only ' { } and \ may be escaped in an intrinsic's string literal (ASL spec, "Intrinsic
        // functions"); anything else (`\"`) makes the call invalid, refused at CreateStateMachine.
        const next = this.src[this.i + 1] ?? '';
        if (!"'{}\\".includes(next) || next === '') this.fail(`illegal escape sequence '\\${next}'`);
        out += next;
        this.i += 2;
      } else if (c === "'") {
        this.i++;
        return out;
      } else {
        out += c;
        this.i++;
      }
    }
    return this.fail('unterminated string');
  }

  /** A path runs to the next top-level ',' or ')'. */
  private pathText(): string {
    const start = this.i;
    let depth = 0;
    let quote: string | undefined;
    for (; this.i < this.src.length; this.i++) {
      const c = this.src[this.i];
      if (quote) {
        if (c === '\\') this.i++;
        else if (c === quote) quote = undefined;
      } else if (c === "'" || c === '"') quote = c;
      else if (c === '[' || c === '(') depth++;
      else if (c === ']' || (c === ')' && depth > 0)) depth--;
      else if (depth === 0 && (c === ',' || c === ')')) break;
    }
    return this.src.slice(start, this.i).trim();
  }

  private ws(): void {
    while (this.src[this.i] === ' ') this.i++;
  }

  private expect(c: string): void {
    this.ws();
    if (this.src[this.i] !== c) this.fail(`expected '${c}'`);
    this.i++;
  }

  private fail(why: string): never {
    throw new IntrinsicSyntaxError(this.src, why);
  }
}
