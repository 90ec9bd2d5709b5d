import { describe, expect, it } from 'vitest';
import { jsonLimitIssues, type JsonLimits } from '../../../core/json/limits.ts';

const limits: JsonLimits = { maxDepth: 4, maxStringLength: 10, maxKeyLength: 8, maxArrayItems: 3, maxObjectKeys: 3 };
const issues = (value: unknown, root = 'body') => jsonLimitIssues(JSON.parse(JSON.stringify(value)) as unknown, limits, root).map((i) => `${i.field}: ${i.message}`);

describe('JSON limits', () => {
  it('passes a value within every limit', () => {
    expect(issues({ a: [1, 'short', { b: null }], c: true })).toEqual([]);
  });

  it('names the field and the limit of a string, an array and an object that are too big', () => {
    expect(issues({ a: 'x'.repeat(11) })).toEqual(['body.a: is 11 characters long, more than the 10 allowed']);
    expect(issues({ a: [1, 2, 3, 4] })).toEqual(['body.a: has 4 items, more than the 3 allowed']);
    expect(issues({ a: { b: 1, c: 2, d: 3, e: 4 } })).toEqual(['body.a: has 4 keys, more than the 3 allowed']);
  });

  it('refuses nesting past the depth limit at the first level too deep', () => {
    expect(issues({ a: { b: { c: { d: 1 } } } })).toEqual([]);
    expect(issues({ a: { b: { c: { d: {} } } } })).toEqual(['body.a.b.c.d: nests deeper than 4 levels']);
  });

  it('walks 100,000 levels of nesting without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(jsonLimitIssues(deep, limits, 'body')).toEqual([{ field: 'body[0][0][0][0]', message: 'nests deeper than 4 levels' }]);
  });

  it('refuses the reserved keys __proto__, constructor and prototype wherever they are', () => {
    const value = JSON.parse('{"customer":{"constructor":{"name":"x"}},"__proto__":{"admin":true},"list":[{"prototype":1}]}') as unknown;
    expect(jsonLimitIssues(value, limits, '').map((i) => i.field)).toEqual(['customer.constructor', '__proto__', 'list[0].prototype']);
  });

  it('refuses empty and overlong keys', () => {
    expect(issues({ '': 1 })).toEqual(['body."": an empty key is not allowed']);
    expect(issues({ abcdefghi: 1 })).toEqual(['body.abcdefghi…: a key of 9 characters is longer than the 8 allowed']);
  });

  it('refuses numbers the SDK or DynamoDB cannot store, and keeps the boundaries', () => {
    expect(issues([9_007_199_254_740_991, -9_007_199_254_740_991, 1e-130])).toEqual([]);
    expect(issues([0, -0.5])).toEqual([]);
    expect(issues({ n: 9_007_199_254_740_992 })[0]).toMatch(/^body\.n: must be a number between/);
    expect(jsonLimitIssues(JSON.parse('{"n":1e400}') as unknown, limits, 'body')[0]?.field).toBe('body.n');
    expect(issues({ n: 1e-200 })[0]).toMatch(/^body\.n: must be a number/);
  });

  it('refuses a string with a lone surrogate, which has no UTF-8 form', () => {
    expect(jsonLimitIssues(JSON.parse('{"s":"a\\ud800b"}') as unknown, limits, 'body')).toEqual([{ field: 'body.s', message: 'is not valid Unicode (it holds a lone surrogate)' }]);
    expect(issues({ s: '😀中' })).toEqual([]);
  });

  it('lists issues in document order, at most the given number', () => {
    const value = { a: 'x'.repeat(11), b: 'y'.repeat(11), c: 'z'.repeat(11) };
    expect(jsonLimitIssues(value, limits, '', 2).map((i) => i.field)).toEqual(['a', 'b']);
  });
});
