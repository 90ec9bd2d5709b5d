/**
 * A recursive-descent parser for DynamoDB's expressions, failing with DynamoDB's own
 * ValidationException messages ("Invalid ConditionExpression: Syntax error; token: …").
 * Precedence, loosest first: OR, AND, NOT, then comparisons, BETWEEN, IN and functions
 * (Developer Guide, "Comparison operator and function reference", "Precedence in conditions").
 */
import type { AttributeValue } from '../attribute-value.ts';
import { ValidationException } from '../errors.ts';
import { checkOverlaps } from './document-path.ts';
import type { BooleanFunction, Comparator, Condition, Operand, Path, UpdateActions } from './ast.ts';
import { tokenize, type Token } from './lexer.ts';
import { RESERVED_WORDS } from './reserved-words.ts';

/** The request's ExpressionAttributeNames/Values and which of them the expressions used. */
export class ExpressionContext {
  readonly usedNames = new Set<string>();
  readonly usedValues = new Set<string>();
  constructor(
    readonly names: Record<string, string> | undefined,
    readonly values: Record<string, AttributeValue> | undefined,
    /** The values as the request wrote them (`01.50`), which some of DynamoDB's messages quote. */
    readonly rawValues: Record<string, unknown> = {},
  ) {}

  value(name: string): AttributeValue {
    return this.values?.[name] as AttributeValue;
  }
}

const COMPARATORS = new Set(['=', '<>', '<', '<=', '>', '>=']);
const BOOLEAN_FUNCTIONS = new Set<string>(['attribute_exists', 'attribute_not_exists', 'attribute_type', 'begins_with', 'contains']);
const ARITY: Record<string, number> = { attribute_exists: 1, attribute_not_exists: 1, attribute_type: 2, begins_with: 2, contains: 2, size: 1, if_not_exists: 2, list_append: 2 };
const PATH_FIRST = new Set(['attribute_exists', 'attribute_not_exists', 'attribute_type', 'begins_with', 'contains', 'size', 'if_not_exists']);
/** At most this many operands in an IN list (Developer Guide, "Expression parameters"). */
const MAX_IN_OPERANDS = 100;

class Parser {
  private readonly tokens: Token[];
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly label: string,
    private readonly ctx: ExpressionContext,
  ) {
    const { tokens, badAt } = tokenize(text);
    this.tokens = tokens;
    if (badAt !== undefined) {
      this.at = badAt;
      throw this.syntaxError();
    }
  }

  fail(message: string): ValidationException {
    return new ValidationException(`Invalid ${this.label}: ${message}`);
  }

  syntaxError(): ValidationException {
    const token = this.tokens[this.at] as Token;
    const previous = this.tokens[this.at - 1];
    const next = this.tokens[this.at + 1];
    const near = this.text.slice(previous?.start ?? token.start, (next ?? token).end);
    return this.fail(`Syntax error; token: "${token.text}", near: "${near}"`);
  }

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.at + offset, this.tokens.length - 1)] as Token;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.at++;
    return token;
  }

  isKeyword(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'name' && token.text.toUpperCase() === word;
  }

  isSymbol(symbol: string): boolean {
    const token = this.peek();
    return token.kind === 'symbol' && token.text === symbol;
  }

  expectSymbol(symbol: string): void {
    if (!this.isSymbol(symbol)) throw this.syntaxError();
    this.next();
  }

  expectEnd(): void {
    if (this.peek().kind !== 'eof') throw this.syntaxError();
  }

  // ---- conditions ----

  condition(): Condition {
    let left = this.conjunction();
    while (this.isKeyword('OR')) {
      this.next();
      left = { kind: 'or', left, right: this.conjunction() };
    }
    return left;
  }

  private conjunction(): Condition {
    let left = this.negation();
    while (this.isKeyword('AND')) {
      this.next();
      left = { kind: 'and', left, right: this.negation() };
    }
    return left;
  }

  private negation(): Condition {
    if (this.isKeyword('NOT')) {
      this.next();
      return { kind: 'not', condition: this.negation() };
    }
    return this.predicate();
  }

  private predicate(): Condition {
    if (this.isSymbol('(')) {
      this.next();
      const inner = this.condition();
      this.expectSymbol(')');
      return inner;
    }
    const token = this.peek();
    if (token.kind === 'name' && this.peek(1).text === '(' && this.peek(1).kind === 'symbol' && BOOLEAN_FUNCTIONS.has(token.text)) {
      const args = this.call();
      return { kind: 'function', name: token.text as BooleanFunction, args };
    }
    const left = this.operand(false);
    if (this.isKeyword('BETWEEN')) {
      this.next();
      const low = this.operand(false);
      if (!this.isKeyword('AND')) throw this.syntaxError();
      this.next();
      return { kind: 'between', operand: left, low, high: this.operand(false) };
    }
    if (this.isKeyword('IN')) {
      this.next();
      this.expectSymbol('(');
      const list = [this.operand(false)];
      while (this.isSymbol(',')) {
        this.next();
        list.push(this.operand(false));
      }
      this.expectSymbol(')');
      if (list.length > MAX_IN_OPERANDS) throw this.fail(`The IN operator is provided with too many operands; number of operands: ${list.length}`);
      return { kind: 'in', operand: left, list };
    }
    const op = this.peek();
    if (op.kind !== 'symbol' || !COMPARATORS.has(op.text)) {
      if (left.kind === 'size') throw this.fail('The function is not allowed to be used this way in an expression; function: size');
      throw this.syntaxError();
    }
    this.next();
    return { kind: 'compare', operator: op.text as Comparator, left, right: this.operand(false) };
  }

  /** A function's arguments, checked for count and for a path where one is required. */
  private call(): Operand[] {
    const name = this.next().text;
    this.expectSymbol('(');
    const args: Operand[] = [];
    if (!this.isSymbol(')')) {
      args.push(this.operand(name === 'if_not_exists' || name === 'list_append'));
      while (this.isSymbol(',')) {
        this.next();
        args.push(this.operand(name === 'if_not_exists' || name === 'list_append'));
      }
    }
    this.expectSymbol(')');
    if (args.length !== ARITY[name]) throw this.fail(`Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${args.length}`);
    if (PATH_FIRST.has(name) && args[0]?.kind !== 'path') throw this.fail(`Operator or function requires a document path; operator or function: ${name}`);
    return args;
  }

  /** A path, a `:value`, `size(path)`; in updates also `if_not_exists` and `list_append`. */
  operand(inUpdate: boolean): Operand {
    const token = this.peek();
    if (token.kind === 'value') {
      this.next();
      if (this.ctx.values?.[token.text] === undefined) throw this.fail(`An expression attribute value used in expression is not defined; attribute value: ${token.text}`);
      this.ctx.usedValues.add(token.text);
      return { kind: 'value', name: token.text };
    }
    if (token.kind === 'name' && this.peek(1).kind === 'symbol' && this.peek(1).text === '(') {
      const name = token.text;
      if (name === 'size' && !inUpdate) return { kind: 'size', path: this.call()[0] as Path };
      if (inUpdate && name === 'if_not_exists') {
        const [path, fallback] = this.call();
        return { kind: 'if_not_exists', path: path as Path, fallback: fallback as Operand };
      }
      if (inUpdate && name === 'list_append') {
        const [first, second] = this.call();
        return { kind: 'list_append', first: first as Operand, second: second as Operand };
      }
      if (BOOLEAN_FUNCTIONS.has(name) || ARITY[name] !== undefined) throw this.fail(`The function is not allowed to be used this way in an expression; function: ${name}`);
      throw this.fail(`Invalid function name; function: ${name}`);
    }
    if (token.kind === 'name' || token.kind === 'placeholder') return this.path();
    throw this.syntaxError();
  }

  path(): Path {
    const elements: (string | number)[] = [this.pathName()];
    for (;;) {
      if (this.isSymbol('.')) {
        this.next();
        elements.push(this.pathName());
      } else if (this.isSymbol('[')) {
        this.next();
        const index = this.peek();
        if (index.kind !== 'integer') throw this.syntaxError();
        this.next();
        this.expectSymbol(']');
        elements.push(Number(index.text));
      } else return { kind: 'path', elements };
    }
  }

  private pathName(): string {
    const token = this.next();
    if (token.kind === 'placeholder') {
      const name = this.ctx.names?.[token.text];
      if (name === undefined) throw this.fail(`An expression attribute name used in the document path is not defined; attribute name: ${token.text}`);
      this.ctx.usedNames.add(token.text);
      return name;
    }
    if (token.kind !== 'name') {
      this.at--;
      throw this.syntaxError();
    }
    if (RESERVED_WORDS.has(token.text.toLowerCase())) throw this.fail(`Attribute name is a reserved keyword; reserved keyword: ${token.text}`);
    return token.text;
  }

  // ---- updates ----

  update(): UpdateActions {
    const actions: UpdateActions = { set: [], remove: [], add: [], delete: [] };
    const seen = new Set<string>();
    if (this.peek().kind === 'eof') throw this.syntaxError();
    while (this.peek().kind !== 'eof') {
      const clause = this.peek().text.toUpperCase();
      if (this.peek().kind !== 'name' || !['SET', 'REMOVE', 'ADD', 'DELETE'].includes(clause)) throw this.syntaxError();
      this.next();
      if (seen.has(clause)) throw this.fail(`The "${clause}" section can only be used once in an update expression;`);
      seen.add(clause);
      do {
        if (clause === 'SET') {
          const path = this.path();
          this.expectSymbol('=');
          actions.set.push({ path, value: this.setValue() });
        } else if (clause === 'REMOVE') actions.remove.push(this.path());
        else {
          const path = this.path();
          const value = this.operand(true);
          if (value.kind !== 'value') throw this.syntaxError();
          (clause === 'ADD' ? actions.add : actions.delete).push({ path, value });
        }
      } while (this.isSymbol(',') && this.next());
    }
    return actions;
  }

  private setValue(): Operand {
    const left = this.operand(true);
    if (this.isSymbol('+') || this.isSymbol('-')) {
      const operator = this.next().text as '+' | '-';
      return { kind: 'arithmetic', operator, left, right: this.operand(true) };
    }
    return left;
  }

  projection(): Path[] {
    const paths = [this.path()];
    while (this.isSymbol(',')) {
      this.next();
      paths.push(this.path());
    }
    return paths;
  }
}

export type ExpressionLabel = 'ConditionExpression' | 'KeyConditionExpression' | 'FilterExpression' | 'UpdateExpression' | 'ProjectionExpression';

function parser(text: string, label: ExpressionLabel, ctx: ExpressionContext): Parser {
  if (text.trim() === '') throw new ValidationException(`Invalid ${label}: The expression can not be empty;`);
  return new Parser(text, label, ctx);
}

export function parseCondition(text: string, label: ExpressionLabel, ctx: ExpressionContext): Condition {
  const p = parser(text, label, ctx);
  const condition = p.condition();
  p.expectEnd();
  return condition;
}

export function parseUpdate(text: string, ctx: ExpressionContext): UpdateActions {
  const p = parser(text, 'UpdateExpression', ctx);
  const actions = p.update();
  p.expectEnd();
  checkOverlaps([...actions.set.map((a) => a.path), ...actions.remove, ...actions.add.map((a) => a.path), ...actions.delete.map((a) => a.path)], 'UpdateExpression');
  return actions;
}

export function parseProjection(text: string, ctx: ExpressionContext): Path[] {
  const p = parser(text, 'ProjectionExpression', ctx);
  const paths = p.projection();
  p.expectEnd();
  checkOverlaps(paths, 'ProjectionExpression');
  return paths;
}
