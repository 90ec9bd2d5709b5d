import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addNumbers, canonicalNumber, compareNumbers, formatNumber, parseNumber, sortableNumber } from '../../../../local/dynamodb/embedded/numbers.ts';

/** Numbers DynamoDB can hold: up to 38 digits, adjusted exponents -130…125. */
const dynamoNumber = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 38n - 1n }), fc.integer({ min: -130, max: 88 }))
  .map(([negative, coefficient, exponent]) => `${negative ? '-' : ''}${coefficient}E${exponent}`)
  .filter((text) => {
    try {
      parseNumber(text);
      return true;
    } catch {
      return false;
    }
  });

describe('DynamoDB numbers', () => {
  it('are written in canonical form: no exponent, no leading or trailing zeros', () => {
    expect(['01.50', '1e2', '1E+2', '-0.000', '0.001e3', '-12.3400'].map(canonicalNumber)).toEqual(['1.5', '100', '100', '0', '1', '-12.34']);
  });

  it('keep 38 significant digits exactly and refuse a 39th, as DynamoDB does', () => {
    expect(canonicalNumber('12345678901234567890123456789012345678')).toBe('12345678901234567890123456789012345678');
    expect(() => canonicalNumber('123456789012345678901234567890123456789')).toThrow('DynamoDB only supports precision up to 38 digits');
    expect(() => canonicalNumber('1E126')).toThrow('Number overflow');
    expect(() => canonicalNumber('1E-131')).toThrow('Number underflow');
    expect(() => canonicalNumber('1.2.3')).toThrow('A value provided cannot be converted into a number');
  });

  it('add as decimals, where floats would round', () => {
    expect(formatNumber(addNumbers(parseNumber('0.1'), parseNumber('0.2')))).toBe('0.3');
    expect(formatNumber(addNumbers(parseNumber('12345678901234567890123456789012345670'), parseNumber('8')))).toBe('12345678901234567890123456789012345678');
    expect(formatNumber(addNumbers(parseNumber('1'), parseNumber('1.5'), true))).toBe('-0.5');
  });

  it('sort as bytes exactly as they compare as decimals (the order SQLite keeps sort keys in)', () => {
    fc.assert(
      fc.property(dynamoNumber, dynamoNumber, (a, b) => {
        const x = parseNumber(a);
        const y = parseNumber(b);
        expect(Math.sign(Buffer.compare(sortableNumber(x), sortableNumber(y)))).toBe(compareNumbers(x, y));
      }),
      { numRuns: 2_000 },
    );
  });

  it('compare by value whatever the spelling', () => {
    expect(compareNumbers(parseNumber('1E+2'), parseNumber('100.000'))).toBe(0);
    expect(compareNumbers(parseNumber('-0.001'), parseNumber('-0.0001'))).toBe(-1);
  });
});
