import { describe, expect, it } from 'vitest';
import { Harness, outputOf, START } from '../harness.ts';

describe('Pass state', () => {
  it('applies InputPath, Parameters with .$ keys and intrinsics, ResultPath and OutputPath (JSONPath)', async () => {
    const h = new Harness();
    const e = await h.run(
      {
        StartAt: 'P',
        States: {
          P: {
            Type: 'Pass',
            InputPath: '$.order',
            Parameters: { 'id.$': '$.id', 'greeting.$': "States.Format('Hello {}', $.who)", fixed: 1, 'exec.$': '$$.Execution.Name' },
            ResultPath: '$.made',
            OutputPath: '$.made',
            End: true,
          },
        },
      },
      { order: { id: 7, who: 'Li' } },
    );
    const out = outputOf(e) as Record<string, unknown>;
    expect(out).toMatchObject({ id: 7, greeting: 'Hello Li', fixed: 1 });
    expect(typeof out.exec).toBe('string');
  });

  it('puts Result under ResultPath and keeps the rest of the input', async () => {
    const h = new Harness();
    const e = await h.run({ StartAt: 'P', States: { P: { Type: 'Pass', Result: { x: 1 }, ResultPath: '$.r', End: true } } }, { a: 1 });
    expect(outputOf(e)).toEqual({ a: 1, r: { x: 1 } });
  });

  it('discards the result when ResultPath is null', async () => {
    const h = new Harness();
    const e = await h.run({ StartAt: 'P', States: { P: { Type: 'Pass', Result: 'gone', ResultPath: null, End: true } } }, { a: 1 });
    expect(outputOf(e)).toEqual({ a: 1 });
  });

  it('reads $now() and $millis() from the engine clock, not the wall clock (JSONata)', async () => {
    const h = new Harness();
    const e = await h.run(
      { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: { now: '{% $now() %}', millis: '{% $millis() %}', local: "{% $now('[H01]:[m01]', '+0800') %}" }, End: true } } },
      {},
    );
    expect(outputOf(e)).toEqual({ now: START, millis: Date.parse(START), local: '08:00' });
  });

  it('evaluates Output with $states.input in JSONata', async () => {
    const h = new Harness();
    const e = await h.run({ QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: { total: '{% $sum($states.input.items) %}' }, End: true } } }, { items: [1, 2, 3] });
    expect(outputOf(e)).toEqual({ total: 6 });
  });

  it('passes the input through unchanged when a JSONata Pass has no Output', async () => {
    const h = new Harness();
    const e = await h.run({ QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, { keep: true });
    expect(outputOf(e)).toEqual({ keep: true });
  });

  it('fails with States.Runtime when a Parameters path is not in the input', async () => {
    const h = new Harness();
    const e = await h.run({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'x.$': '$.missing' }, End: true } } }, {});
    expect(e.status).toBe('FAILED');
    expect(e.error).toBe('States.Runtime');
    expect(e.cause).toContain("'$.missing'");
  });

  it('lets one state use JSONata inside a JSONPath machine', async () => {
    const h = new Harness();
    const e = await h.run(
      { StartAt: 'A', States: { A: { Type: 'Pass', Parameters: { 'v.$': '$.v' }, Next: 'B' }, B: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $states.input.v * 2 %}', End: true } } },
      { v: 21 },
    );
    expect(outputOf(e)).toBe(42);
  });
});
