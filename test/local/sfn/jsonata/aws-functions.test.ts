import { describe, expect, it } from 'vitest';
import { AWS_FUNCTIONS } from '../../../../local/sfn/jsonata/aws-functions.ts';

describe("Step Functions' JSONata functions", () => {
  it('$range includes the end a step lands on, and gives a single number for one element', () => {
    expect(AWS_FUNCTIONS.range(0, 9, 3)).toEqual([0, 3, 6, 9]);
    expect(AWS_FUNCTIONS.range(9, 0, -3)).toEqual([9, 6, 3, 0]);
    expect(AWS_FUNCTIONS.range(1, 9, 9)).toBe(1);
  });

  it('$range refuses a zero or fractional step', () => {
    expect(() => AWS_FUNCTIONS.range(0, 3, 0)).toThrow(/step/);
    expect(() => AWS_FUNCTIONS.range(0, 3, 0.5)).toThrow(/integers/);
  });

  it('$partition keeps chunks as arrays, the last one shorter', () => {
    expect(AWS_FUNCTIONS.partition([0, 1, 2], 2)).toEqual([[0, 1], [2]]);
    expect(AWS_FUNCTIONS.partition([0], 5)).toEqual([[0]]);
    expect(() => AWS_FUNCTIONS.partition([0], 0)).toThrow(/positive/);
  });

  it('$hash knows the algorithms States.Hash knows and refuses others', () => {
    expect(AWS_FUNCTIONS.hash('input data', 'MD5')).toBe('812f45842bc6d66ee14572ce20db8e86');
    expect(() => AWS_FUNCTIONS.hash('x', 'SHA-3')).toThrow(/unsupported/);
  });
});
