import { describe, expect, it } from 'vitest';
import type { Json } from '../../../../local/sfn/index.ts';
import { Harness, NamedError, lambdas, outputOf } from '../harness.ts';

describe('Parallel state', () => {
  it('runs every branch on the same input and outputs their results in branch order', async () => {
    const h = new Harness();
    const e = await h.run(
      {
        StartAt: 'P',
        States: {
          P: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'Slow', States: { Slow: { Type: 'Wait', Seconds: 5, Next: 'A' }, A: { Type: 'Pass', Parameters: { 'a.$': '$.x' }, End: true } } },
              { StartAt: 'B', States: { B: { Type: 'Pass', Result: 'b', End: true } } },
            ],
            ResultPath: '$.results',
            End: true,
          },
        },
      },
      { x: 1 },
      5_000,
    );
    expect(outputOf(e)).toEqual({ x: 1, results: [{ a: 1 }, 'b'] });
    const types = await h.types(e.executionArn);
    expect(types).toContain('ParallelStateStarted');
    expect(types).toContain('ParallelStateSucceeded');
  });

  it("fails with the failing branch's error, stops its siblings, and lets Catch handle it", async () => {
    const h = new Harness();
    const e = await h.run({
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Long', States: { Long: { Type: 'Wait', Seconds: 1000, End: true } } },
            { StartAt: 'Bad', States: { Bad: { Type: 'Fail', Error: 'Branch.Bad', Cause: 'nope' } } },
          ],
          Catch: [{ ErrorEquals: ['Branch.Bad'], ResultPath: '$.err', Next: 'Handled' }],
          End: true,
        },
        Handled: { Type: 'Pass', End: true },
      },
    });
    expect(e.status).toBe('SUCCEEDED');
    expect(outputOf(e)).toEqual({ err: { Error: 'Branch.Bad', Cause: 'nope' } });
    expect(await h.types(e.executionArn)).toContain('ParallelStateFailed');
  });
});

describe('Map state', () => {
  it('iterates ItemsPath with ItemSelector reading $$.Map.Item and collects results in order', async () => {
    const h = new Harness();
    const e = await h.run(
      {
        StartAt: 'M',
        States: {
          M: {
            Type: 'Map',
            ItemsPath: '$.items',
            ItemSelector: { 'value.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index', 'tag.$': '$.tag' },
            ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', Parameters: { 'v.$': "States.Format('{}-{}-{}', $.tag, $.index, $.value)" }, OutputPath: '$.v', End: true } } },
            End: true,
          },
        },
      },
      { items: ['a', 'b', 'c'], tag: 't' },
    );
    expect(outputOf(e)).toEqual(['t-0-a', 't-1-b', 't-2-c']);
    const types = await h.types(e.executionArn);
    expect(types.filter((t) => t === 'MapIterationStarted')).toHaveLength(3);
    expect(types.filter((t) => t === 'MapIterationSucceeded')).toHaveLength(3);
  });

  it('iterates JSONata Items with ItemSelector from $states.context.Map.Item', async () => {
    const h = new Harness();
    const e = await h.run(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'M',
        States: {
          M: {
            Type: 'Map',
            Items: '{% $states.input.orders[price > 10] %}',
            ItemSelector: { id: '{% $states.context.Map.Item.Value.id %}', i: '{% $states.context.Map.Item.Index %}' },
            ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } },
            Output: '{% $states.result.id %}',
            End: true,
          },
        },
      },
      { orders: [{ id: 'x', price: 5 }, { id: 'y', price: 20 }, { id: 'z', price: 30 }] },
    );
    expect(outputOf(e)).toEqual(['y', 'z']);
  });

  it('runs no more than MaxConcurrency iterations at once', async () => {
    let running = 0;
    let peak = 0;
    const resolvers: (() => void)[] = [];
    const h = new Harness(
      lambdas({
        work: async (p) => {
          running++;
          peak = Math.max(peak, running);
          await new Promise<void>((r) => resolvers.push(r));
          running--;
          return p;
        },
      }),
    );
    const arn = await h.start(
      await h.createMachine({
        StartAt: 'M',
        States: { M: { Type: 'Map', MaxConcurrency: 2, ItemProcessor: { StartAt: 'W', States: { W: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:work', End: true } } }, End: true } },
      }),
      [1, 2, 3, 4, 5] as Json,
    );
    for (let i = 0; i < 10 && (await h.describe(arn)).status === 'RUNNING'; i++) {
      await h.clock.advance(0);
      while (resolvers.length) resolvers.shift()!();
      await h.clock.advance(0);
    }
    expect(peak).toBe(2);
    expect(outputOf(await h.describe(arn))).toEqual([1, 2, 3, 4, 5]);
  });

  it('fails when an iteration fails and records MapIterationFailed', async () => {
    const h = new Harness(lambdas({ check: (p) => { if (p === 2) throw new NamedError('Item.Bad', 'two'); return p; } }));
    const e = await h.run({
      StartAt: 'M',
      States: { M: { Type: 'Map', ItemProcessor: { StartAt: 'C', States: { C: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:check', End: true } } }, End: true } },
    }, [1, 2, 3] as Json);
    expect(e.error).toBe('Item.Bad');
    const types = await h.types(e.executionArn);
    expect(types).toContain('MapIterationFailed');
    expect(types).toContain('MapStateFailed');
  });
});
