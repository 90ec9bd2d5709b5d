import { describe, expect, it } from 'vitest';
import { Harness, outputOf } from '../harness.ts';

const jsonPathChoice = {
  StartAt: 'C',
  States: {
    C: {
      Type: 'Choice',
      Choices: [
        { And: [{ Variable: '$.n', IsPresent: true }, { Variable: '$.n', NumericGreaterThan: 10 }], Next: 'Big' },
        { Variable: '$.s', StringMatches: 'ord-*', Next: 'Order' },
        { Not: { Variable: '$.t', TimestampLessThan: '2025-01-01T00:00:00Z' }, Next: 'Late' },
        { Variable: '$.a', NumericEqualsPath: '$.b', Next: 'Same' },
      ],
      Default: 'Other',
    },
    Big: { Type: 'Pass', Result: 'big', End: true },
    Order: { Type: 'Pass', Result: 'order', End: true },
    Late: { Type: 'Pass', Result: 'late', End: true },
    Same: { Type: 'Pass', Result: 'same', End: true },
    Other: { Type: 'Pass', Result: 'other', End: true },
  },
};

describe('Choice state', () => {
  it.each([
    [{ n: 11, s: 'x', t: '2024-01-01T00:00:00Z', a: 1, b: 2 }, 'big'],
    [{ n: 3, s: 'ord-9', t: '2024-01-01T00:00:00Z', a: 1, b: 2 }, 'order'],
    [{ n: 3, s: 'x', t: '2025-06-01T00:00:00Z', a: 1, b: 2 }, 'late'],
    [{ n: 3, s: 'x', t: '2024-06-01T00:00:00Z', a: 2, b: 2 }, 'same'],
    [{ n: 3, s: 'x', t: '2024-06-01T00:00:00Z', a: 2, b: 3 }, 'other'],
  ])('routes %j to %s with JSONPath rules', async (input, expected) => {
    const h = new Harness();
    expect(outputOf(await h.run(jsonPathChoice, input))).toBe(expected);
  });

  it('routes on a JSONata Condition and applies the rule Output and Assign', async () => {
    const h = new Harness();
    const e = await h.run(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'C',
        States: {
          C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.kind = "vip" %}', Next: 'Done', Output: { fast: true }, Assign: { lane: 'vip' } }], Default: 'Done' },
          Done: { Type: 'Pass', Output: { in: '{% $states.input %}', lane: '{% $lane %}' }, End: true },
        },
      },
      { kind: 'vip' },
    );
    expect(outputOf(e)).toEqual({ in: { fast: true }, lane: 'vip' });
  });

  it('fails with States.NoChoiceMatched when nothing matches and there is no Default', async () => {
    const h = new Harness();
    const e = await h.run({ StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.x', BooleanEquals: true, Next: 'D' }] }, D: { Type: 'Succeed' } } }, { x: false });
    expect(e.status).toBe('FAILED');
    expect(e.error).toBe('States.NoChoiceMatched');
  });

  it('fails with States.QueryEvaluationError when a Condition is not boolean', async () => {
    const h = new Harness();
    const e = await h.run({ QueryLanguage: 'JSONata', StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Condition: '{% 5 %}', Next: 'D' }] }, D: { Type: 'Succeed' } } });
    expect(e.error).toBe('States.QueryEvaluationError');
  });
});
