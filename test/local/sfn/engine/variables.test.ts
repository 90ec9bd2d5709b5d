import { describe, expect, it } from 'vitest';
import { Harness, outputOf } from '../harness.ts';

describe('Workflow variables', () => {
  it('are assigned after Output is evaluated, so a state sees the old value in its own Output', async () => {
    const h = new Harness();
    const e = await h.run({
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { n: 1 }, Next: 'B' },
        B: { Type: 'Pass', Assign: { n: '{% $n + 1 %}' }, Output: { seen: '{% $n %}' }, Next: 'C' },
        C: { Type: 'Pass', Output: { before: '{% $states.input.seen %}', now: '{% $n %}' }, End: true },
      },
    });
    expect(outputOf(e)).toEqual({ before: 1, now: 2 });
  });

  it('are readable inside Map iterations and Parallel branches, and inner assignments stay inside', async () => {
    const h = new Harness();
    const e = await h.run({
      QueryLanguage: 'JSONata',
      StartAt: 'Set',
      States: {
        Set: { Type: 'Pass', Assign: { rate: 10, label: 'outer' }, Next: 'M' },
        M: {
          Type: 'Map',
          Items: '{% [1, 2] %}',
          ItemProcessor: {
            StartAt: 'Inner',
            States: {
              Inner: { Type: 'Pass', Assign: { local: '{% $states.input * $rate %}' }, Next: 'Use' },
              Use: { Type: 'Pass', Output: '{% $local %}', End: true },
            },
          },
          Next: 'P',
        },
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', Output: '{% $label %}', End: true } } }],
          Output: { map: '{% $states.input %}', par: '{% $states.result[0] %}' },
          Next: 'Check',
        },
        Check: { Type: 'Pass', Output: { result: '{% $states.input %}', localVisible: '{% $exists($local) %}' }, End: true },
      },
    });
    expect(outputOf(e)).toEqual({ result: { map: [10, 20], par: 'outer' }, localVisible: false });
  });

  it('work in JSONPath through Assign with .$ keys and $name paths', async () => {
    const h = new Harness();
    const e = await h.run(
      {
        StartAt: 'A',
        States: {
          A: { Type: 'Pass', Assign: { 'who.$': '$.customer', fixed: 'x' }, Next: 'B' },
          B: { Type: 'Pass', Parameters: { 'who.$': '$who', 'fixed.$': '$fixed' }, End: true },
        },
      },
      { customer: 'Li' },
    );
    expect(outputOf(e)).toEqual({ who: 'Li', fixed: 'x' });
  });

  it('are reported as assignedVariables in the StateExited event', async () => {
    const h = new Harness();
    const e = await h.run({ QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', Assign: { x: { a: 1 } }, End: true } } });
    const exited = (await h.history(e.executionArn)).find((ev) => ev.type === 'PassStateExited');
    expect(exited?.stateExitedEventDetails).toMatchObject({ assignedVariables: { x: '{"a":1}' } });
  });
});
