/**
 * DynamoDB numbers: exact decimals of up to 38 significant digits, magnitudes 1E-130 to
 * 9.9999999999999999999999999999999999999E+125 (Developer Guide, "Data types: Number"). They are
 * compared and added as decimals — never as floats — and stored in DynamoDB's canonical form
 * (no leading or trailing zeros, no exponent: `1.50` → `1.5`, `1e2` → `100`).
 */
import { ValidationException } from './errors.ts';

/** `coefficient × 10^exponent`, normalised: the coefficient has no trailing zero (zero is `0n × 10^0`). */
export interface Decimal {
  coefficient: bigint;
  exponent: number;
}

const SYNTAX = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const MAX_DIGITS = 38;
/** Adjusted exponent (of the leading digit) bounds. */
const MAX_ADJUSTED = 125;
const MIN_ADJUSTED = -130;

export function parseNumber(text: string): Decimal {
  const match = SYNTAX.exec(text);
  const whole = match?.[2] ?? '';
  const fraction = match?.[3] ?? '';
  if (!match || whole + fraction === '') throw new ValidationException('A value provided cannot be converted into a number');
  const digits = (whole + fraction).replace(/^0+/, '');
  if (digits === '') return { coefficient: 0n, exponent: 0 };
  const exponent = Number(match[4] ?? '0') - fraction.length;
  return checked(normalise({ coefficient: BigInt(match[1] === '-' ? `-${digits}` : digits), exponent }));
}

function normalise(value: Decimal): Decimal {
  let { coefficient, exponent } = value;
  if (coefficient === 0n) return { coefficient: 0n, exponent: 0 };
  while (coefficient % 10n === 0n) {
    coefficient /= 10n;
    exponent += 1;
  }
  return { coefficient, exponent };
}

function digitCount(value: Decimal): number {
  return (value.coefficient < 0n ? -value.coefficient : value.coefficient).toString().length;
}

/** Rejects what DynamoDB cannot store, with its messages. */
function checked(value: Decimal): Decimal {
  if (value.coefficient === 0n) return value;
  const digits = digitCount(value);
  const adjusted = value.exponent + digits - 1;
  if (digits > MAX_DIGITS) throw new ValidationException('DynamoDB only supports precision up to 38 digits');
  if (adjusted > MAX_ADJUSTED) throw new ValidationException('Number overflow. Attempting to store a number with magnitude larger than supported range');
  if (adjusted < MIN_ADJUSTED) throw new ValidationException('Number underflow. Attempting to store a number with magnitude smaller than supported range');
  return value;
}

/** DynamoDB's canonical text: plain notation, no superfluous zeros. */
export function formatNumber(value: Decimal): string {
  const negative = value.coefficient < 0n;
  const digits = (negative ? -value.coefficient : value.coefficient).toString();
  let text: string;
  if (value.exponent >= 0) text = digits + '0'.repeat(value.exponent);
  else {
    const point = digits.length + value.exponent;
    text = point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${'0'.repeat(-point)}${digits}`;
  }
  return negative ? `-${text}` : text;
}

export const canonicalNumber = (text: string): string => formatNumber(parseNumber(text));

function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exponent = Math.min(a.exponent, b.exponent);
  return [a.coefficient * 10n ** BigInt(a.exponent - exponent), b.coefficient * 10n ** BigInt(b.exponent - exponent), exponent];
}

export function compareNumbers(a: Decimal, b: Decimal): number {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `a + b` (`-b` for subtraction), exact; fails as DynamoDB does past 38 digits or the range. */
export function addNumbers(a: Decimal, b: Decimal, negateB = false): Decimal {
  const [x, y, exponent] = aligned(a, b);
  return checked(normalise({ coefficient: negateB ? x - y : x + y, exponent }));
}

/**
 * Bytes that sort as the numbers do (memcmp order, as SQLite compares BLOBs): a sign class, the
 * adjusted exponent, then the digits — complemented for negatives, whose longer digit strings
 * are the smaller numbers, with a terminator above every complemented digit.
 */
export function sortableNumber(value: Decimal): Buffer {
  if (value.coefficient === 0n) return Buffer.from([0x02]);
  const negative = value.coefficient < 0n;
  const digits = (negative ? -value.coefficient : value.coefficient).toString();
  const adjusted = value.exponent + digits.length - 1 - MIN_ADJUSTED; // 0..255
  if (!negative) return Buffer.concat([Buffer.from([0x03, adjusted]), Buffer.from(digits, 'latin1')]);
  const complemented = Buffer.from(digits, 'latin1').map((c) => 0x69 - c); // '0'..'9' → '9'..'0'
  return Buffer.concat([Buffer.from([0x01, 255 - adjusted]), complemented, Buffer.from([0xff])]);
}
