import { describe, expect, it } from 'vitest';
import { Harness, outputOf } from '../harness.ts';

describe('Succeed and Fail states', () => {
  it('ends the execution successfully with the OutputPath-selected output', async () => {
    const h = new Harness();
    const e = await h.run({ StartAt: 'S', States: { S: { Type: 'Succeed', OutputPath: '$.keep' } } }, { keep: { a: 1 }, drop: 2 });
    expect(e.status).toBe('SUCCEEDED');
    expect(outputOf(e)).toEqual({ a: 1 });
  });

  it('fails the execution with the static Error and Cause', async () => {
    const h = new Harness();
    const e = await h.run({ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Order.Invalid', Cause: 'no items' } } });
    expect(e).toMatchObject({ status: 'FAILED', error: 'Order.Invalid', cause: 'no items' });
    expect(await h.types(e.executionArn)).toEqual(['ExecutionStarted', 'FailStateEntered', 'ExecutionFailed']);
  });

  it('reads Error and Cause from ErrorPath/CausePath and from JSONata', async () => {
    const h = new Harness();
    const a = await h.run({ StartAt: 'F', States: { F: { Type: 'Fail', ErrorPath: '$.e', CausePath: "States.Format('bad {}', $.n)" } } }, { e: 'E1', n: 3 });
    expect(a).toMatchObject({ error: 'E1', cause: 'bad 3' });
    const b = await h.run({ QueryLanguage: 'JSONata', StartAt: 'F', States: { F: { Type: 'Fail', Error: '{% "E" & $states.input.n %}', Cause: 'static' } } }, { n: 2 });
    expect(b).toMatchObject({ error: 'E2', cause: 'static' });
  });
});
